//! When an OEWS estimate is too imprecise to rank on: BLS publishes a relative standard error
//! (RSE) with every estimate, of its employment (datatype 02) and of its mean wage (05), and
//! says that "the smaller the relative standard error, the more precise the estimate"
//! (footnote 3). It draws no line; this tool flags an estimate whose employment or wage RSE is
//! above a limit, 30% unless asked otherwise, the threshold federal statistical agencies
//! commonly use to call an estimate unreliable.

use serde::Serialize;

use super::wages::{Measure, Value};

/// The limit in percent unless `--max-rse` says otherwise.
pub(crate) const DEFAULT_MAX_RSE: f64 = 30.0;

/// The two RSEs of an estimate, checked against a limit.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Reliability {
    /// The estimate's employment RSE, in percent; absent when BLS publishes none.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub employment_rse: Option<f64>,
    /// Its mean wage RSE, in percent; absent when BLS publishes none.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub wage_rse: Option<f64>,
    /// Whether either is above the limit.
    pub unreliable: bool,
}

impl Reliability {
    /// Judges the stored RSE values (tenths of a percent) against `max_rse` percent. An RSE
    /// BLS does not publish is not held against the estimate.
    pub fn judge(employment_rse: Option<Value>, wage_rse: Option<Value>, max_rse: f64) -> Self {
        let percent = |v: Option<Value>, m: Measure| match v {
            Some(Value::Number(n)) => Some(n as f64 / 10f64.powi(m.decimals() as i32)),
            _ => None,
        };
        let employment_rse = percent(employment_rse, Measure::EmploymentRse);
        let wage_rse = percent(wage_rse, Measure::WageRse);
        let over = |r: Option<f64>| r.is_some_and(|r| r > max_rse);
        Reliability {
            employment_rse,
            wage_rse,
            unreliable: over(employment_rse) || over(wage_rse),
        }
    }
}

/// A `--max-rse` value: a percentage above 0 and at most 100.
pub(crate) fn parse_max_rse(text: &str) -> Result<f64, String> {
    let t = text.trim().trim_end_matches('%');
    match t.parse::<f64>() {
        Ok(v) if v > 0.0 && v <= 100.0 => Ok(v),
        _ => Err(format!(
            "\"{text}\" is no relative standard error; give a percentage above 0 and at most 100, e.g. 30 or 50%"
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_estimate_is_unreliable_when_either_rse_is_above_the_limit() {
        let r = Reliability::judge(Some(Value::Number(427)), Some(Value::Number(146)), 30.0);
        assert_eq!(
            r,
            Reliability {
                employment_rse: Some(42.7),
                wage_rse: Some(14.6),
                unreliable: true
            }
        );
        assert!(!Reliability::judge(Some(Value::Number(427)), None, 50.0).unreliable);
        assert!(
            Reliability::judge(Some(Value::Number(11)), Some(Value::Number(301)), 30.0).unreliable
        );
        // At the limit is within it.
        assert!(!Reliability::judge(Some(Value::Number(300)), None, 30.0).unreliable);
        // No published RSE is not held against it.
        let none = Reliability::judge(Some(Value::NotReleased), None, 30.0);
        assert_eq!((none.employment_rse, none.unreliable), (None, false));
    }

    #[test]
    fn max_rse_is_a_percentage() {
        assert_eq!(parse_max_rse("30"), Ok(30.0));
        assert_eq!(parse_max_rse("50%"), Ok(50.0));
        assert_eq!(parse_max_rse("12.5"), Ok(12.5));
        assert_eq!(
            parse_max_rse("0").unwrap_err(),
            "\"0\" is no relative standard error; give a percentage above 0 and at most 100, e.g. 30 or 50%"
        );
        for bad in ["", "abc", "-5", "101", "NaN", "inf"] {
            assert!(parse_max_rse(bad).is_err(), "{bad}");
        }
    }
}
