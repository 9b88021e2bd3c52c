//! Pay as people type it: a year's pay (`150000`, `150,000`, `$150k`) or an hourly rate (`45/hr`,
//! `45h`, `$45.50/hr`), which becomes a year's pay the way BLS annualizes hourly wages: times
//! 2,080 hours (52 weeks of 40 hours).

use std::str::FromStr;

use super::salary::{dollars, parse_dollars};

/// The hours of a working year by which BLS turns an hourly wage into an annual one.
pub(crate) const HOURS_A_YEAR: u64 = 2_080;

/// The least a year's pay can be: an amount below it is an hourly rate or thousands typed
/// without their mark, and is refused with both readings.
pub(crate) const LEAST_ANNUAL: u64 = 1_000;

/// An amount of pay as given: a year's pay in whole dollars, and the hourly rate it came from
/// when one was given.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PayAmount {
    /// Whole dollars a year (an hourly rate times [`HOURS_A_YEAR`], to the nearest dollar).
    pub annual: u64,
    /// The hourly rate typed, in cents.
    pub hourly_cents: Option<u64>,
}

impl PayAmount {
    pub fn annual(amount: u64) -> PayAmount {
        PayAmount {
            annual: amount,
            hourly_cents: None,
        }
    }

    /// The hourly rate in dollars, when one was given.
    pub fn hourly(self) -> Option<f64> {
        self.hourly_cents.map(|c| c as f64 / 100.0)
    }

    /// "$45 an hour, $93,600 a year" or "$150,000 a year".
    pub fn describe(self) -> String {
        match self.hourly_cents {
            Some(cents) => format!(
                "{} an hour, {} a year",
                hourly_text(cents),
                dollars(self.annual)
            ),
            None => format!("{} a year", dollars(self.annual)),
        }
    }
}

/// "$45" or "$45.50".
pub(crate) fn hourly_text(cents: u64) -> String {
    if cents.is_multiple_of(100) {
        dollars(cents / 100)
    } else {
        format!("{}.{:02}", dollars(cents / 100), cents % 100)
    }
}

/// A year's pay of an hourly rate in cents, to the nearest dollar; `None` past `u64`.
fn annualize(cents: u64) -> Option<u64> {
    Some(cents.checked_mul(HOURS_A_YEAR)?.checked_add(50)? / 100)
}

const ACCEPTED: &str = "expected a year's pay such as 150000, 150,000 or $150k, or an hourly rate such as 45/hr or 45h";

/// Reads dollars and cents (`45`, `45.5`, `$45.50`, `1,045.50`) as cents; at most two decimals.
fn parse_cents(text: &str) -> Option<u64> {
    let t = text.trim();
    let t = t.strip_prefix('$').unwrap_or(t).trim();
    let (whole, fraction) = t.split_once('.').unwrap_or((t, ""));
    if fraction.len() > 2 || !fraction.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let groups: Vec<&str> = whole.split(',').collect();
    let grouped_ok = groups.len() == 1
        || (!groups[0].is_empty()
            && groups[0].len() <= 3
            && groups[1..].iter().all(|g| g.len() == 3));
    let digits = groups.concat();
    if digits.is_empty()
        || digits.len() > 12
        || !grouped_ok
        || !digits.bytes().all(|b| b.is_ascii_digit())
    {
        return None;
    }
    let whole: u64 = digits.parse().ok()?;
    let fraction: u64 = format!("{fraction:0<2}").parse().ok()?;
    Some(whole * 100 + fraction)
}

/// The hourly marks a rate may end with, longest first so `45/hr` is not read as `45/h` + `r`.
const HOURLY_MARKS: [&str; 7] = ["/hour", "/hr", "/h", "an hour", "hour", "hr", "h"];

impl FromStr for PayAmount {
    type Err = String;

    fn from_str(text: &str) -> Result<PayAmount, String> {
        let t = text.trim();
        let lower = t.to_ascii_lowercase();
        if let Some(rate) = HOURLY_MARKS
            .iter()
            .find_map(|m| lower.strip_suffix(m))
            .filter(|r| !r.trim().is_empty())
        {
            let Some(cents) = parse_cents(rate) else {
                return Err(format!("\"{text}\" is not an amount of pay; {ACCEPTED}"));
            };
            if cents == 0 {
                return Err(format!("\"{text}\" is zero; {ACCEPTED}"));
            }
            let annual = annualize(cents)
                .ok_or_else(|| format!("\"{text}\" is more than any pay; {ACCEPTED}"))?;
            return Ok(PayAmount {
                annual,
                hourly_cents: Some(cents),
            });
        }
        match parse_dollars(t) {
            Ok(amount) if amount < LEAST_ANNUAL => Err(too_little(t, amount * 100)),
            Ok(amount) => Ok(PayAmount::annual(amount)),
            // `45.50` is no whole-dollar amount, but is plainly an hourly rate.
            Err(why) => match parse_cents(t) {
                Some(cents) if cents > 0 && cents < LEAST_ANNUAL * 100 => Err(too_little(t, cents)),
                _ => Err(why.replace(
                    "expected whole dollars such as 150000, 150,000, $150,000 or 150k",
                    ACCEPTED,
                )),
            },
        }
    }
}

/// The error for a year's pay below [`LEAST_ANNUAL`]: the two things it more likely means.
fn too_little(text: &str, cents: u64) -> String {
    let number = text.trim().trim_start_matches('$').trim();
    let hourly = annualize(cents).unwrap_or(0);
    format!(
        "{} is too little for a year's pay; for {} an hour write {number}/hr (= {} a year at {} hours), for {} a year write {number}k",
        hourly_text(cents),
        hourly_text(cents),
        dollars(hourly),
        super::salary::thousands(HOURS_A_YEAR),
        dollars(cents * 10),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pay(text: &str) -> Result<PayAmount, String> {
        text.parse()
    }

    #[test]
    fn a_years_pay_is_read_as_people_write_it() {
        for (text, annual) in [
            ("150000", 150_000),
            ("150,000", 150_000),
            ("$150,000", 150_000),
            ("$150k", 150_000),
            ("150K", 150_000),
            ("152.6k", 152_600),
            ("1000", 1_000),
            (" 99000 ", 99_000),
        ] {
            assert_eq!(pay(text), Ok(PayAmount::annual(annual)), "{text}");
        }
    }

    #[test]
    fn an_hourly_rate_is_a_years_pay_at_2080_hours() {
        for (text, cents, annual) in [
            ("45/hr", 4_500, 93_600),
            ("45h", 4_500, 93_600),
            ("45H", 4_500, 93_600),
            ("$45/hr", 4_500, 93_600),
            ("45.50/hr", 4_550, 94_640),
            ("45.5/hour", 4_550, 94_640),
            ("45 /h", 4_500, 93_600),
            ("45 an hour", 4_500, 93_600),
            ("45hr", 4_500, 93_600),
            ("45.01/hr", 4_501, 93_621),
            ("1,200/hr", 120_000, 2_496_000),
        ] {
            assert_eq!(
                pay(text),
                Ok(PayAmount {
                    annual,
                    hourly_cents: Some(cents)
                }),
                "{text}"
            );
        }
        assert_eq!(pay("45.50/hr").unwrap().hourly(), Some(45.5));
        assert_eq!(
            pay("45.50/hr").unwrap().describe(),
            "$45.50 an hour, $94,640 a year"
        );
        assert_eq!(pay("150k").unwrap().describe(), "$150,000 a year");
    }

    #[test]
    fn a_years_pay_below_1000_suggests_the_hourly_and_thousands_readings() {
        assert_eq!(
            pay("45").unwrap_err(),
            "$45 is too little for a year's pay; for $45 an hour write 45/hr (= $93,600 a year at 2,080 hours), for $45,000 a year write 45k"
        );
        assert_eq!(
            pay("$45.50").unwrap_err(),
            "$45.50 is too little for a year's pay; for $45.50 an hour write 45.50/hr (= $94,640 a year at 2,080 hours), for $45,500 a year write 45.50k"
        );
        assert_eq!(
            pay("999").unwrap_err(),
            "$999 is too little for a year's pay; for $999 an hour write 999/hr (= $2,077,920 a year at 2,080 hours), for $999,000 a year write 999k"
        );
    }

    #[test]
    fn anything_else_is_an_error_that_says_what_is_accepted() {
        assert_eq!(
            pay("lots").unwrap_err(),
            "\"lots\" is not an amount of pay; expected a year's pay such as 150000, 150,000 or $150k, or an hourly rate such as 45/hr or 45h"
        );
        assert_eq!(
            pay("0/hr").unwrap_err(),
            "\"0/hr\" is zero; expected a year's pay such as 150000, 150,000 or $150k, or an hourly rate such as 45/hr or 45h"
        );
        assert_eq!(
            pay("45.123/hr").unwrap_err(),
            "\"45.123/hr\" is not an amount of pay; expected a year's pay such as 150000, 150,000 or $150k, or an hourly rate such as 45/hr or 45h"
        );
        for text in [
            "",
            "h",
            "/hr",
            "$",
            "-45/hr",
            "45/day",
            "1,5000",
            "150m",
            "45/hrs",
            "0",
            "abc/hr",
            "9999999999999/hr",
        ] {
            assert!(pay(text).is_err(), "{text}");
        }
        assert_eq!(
            pay("999999999999/hr").unwrap(),
            PayAmount {
                annual: 2_079_999_999_997_920,
                hourly_cents: Some(99_999_999_999_900)
            }
        );
    }
}
