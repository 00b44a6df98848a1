//! `check`: decide one request, built from options or given as JSON.

use std::path::PathBuf;

use chrono::NaiveDate;
use vianet_privacy::wire::{self, WireError};
use vianet_privacy::{
    decide, Action, Authorization, Circumstance, DataElement, Decision, Location, Objection, OnlineService, Party,
    Purpose, Request,
};

use crate::failure::{Failure, Outcome};
use crate::messages::{help, Msg, Tr};
use crate::vocab::{self, parser};
use crate::Global;

/// The JSON inputs, which exclude the options that build a request.
const JSON_INPUTS: [&str; 2] = ["request_json", "request_file"];

/// `check`'s arguments.
#[derive(clap::Args, Debug)]
#[command(group = clap::ArgGroup::new("json_input").args(JSON_INPUTS))]
pub struct Args {
    #[arg(long, value_name = "SERVICE", value_parser = parser::<OnlineService>(), help = vocab::help::<OnlineService>("check.service"),
          hide_possible_values = crate::messages::hide_annotations(),
          required_unless_present_any = JSON_INPUTS, conflicts_with = "json_input")]
    service: Option<OnlineService>,
    #[arg(long, value_name = "PARTY", value_parser = parser::<Party>(), help = vocab::help::<Party>("check.party"),
          hide_possible_values = crate::messages::hide_annotations(),
          required_unless_present_any = JSON_INPUTS, conflicts_with = "json_input")]
    party: Option<Party>,
    #[arg(long, value_name = "ACTION", value_parser = parser::<Action>(), help = vocab::help::<Action>("check.action"),
          hide_possible_values = crate::messages::hide_annotations(),
          required_unless_present_any = JSON_INPUTS, conflicts_with = "json_input")]
    action: Option<Action>,
    #[arg(long, value_name = "DATA", value_parser = parser::<DataElement>(), help = vocab::help::<DataElement>("check.data"),
          hide_possible_values = crate::messages::hide_annotations(),
          required_unless_present_any = JSON_INPUTS, conflicts_with = "json_input")]
    data: Option<DataElement>,
    #[arg(long, value_name = "PURPOSE", value_parser = parser::<Purpose>(), help = vocab::help::<Purpose>("check.purpose"),
          hide_possible_values = crate::messages::hide_annotations(),
          required_unless_present_any = JSON_INPUTS, conflicts_with = "json_input")]
    purpose: Option<Purpose>,
    #[arg(long, value_name = "LOCATION", value_parser = parser::<Location>(), help = vocab::help::<Location>("check.location"),
          hide_possible_values = crate::messages::hide_annotations(),
          required_unless_present_any = JSON_INPUTS, conflicts_with = "json_input")]
    location: Option<Location>,
    #[arg(long = "authorization", value_name = "AUTHORIZATION", value_delimiter = ',',
          value_parser = parser::<Authorization>(), help = vocab::help::<Authorization>("check.authorization"),
          hide_possible_values = crate::messages::hide_annotations(), conflicts_with = "json_input")]
    authorizations: Vec<Authorization>,
    #[arg(long, value_name = "CIRCUMSTANCE", value_parser = parser::<Circumstance>(),
          help = vocab::help::<Circumstance>("check.circumstance"),
          hide_possible_values = crate::messages::hide_annotations(), conflicts_with = "json_input")]
    circumstance: Option<Circumstance>,
    #[arg(long = "objection", value_name = "OBJECTION", value_delimiter = ',', value_parser = parser::<Objection>(),
          help = vocab::help::<Objection>("check.objection"),
          hide_possible_values = crate::messages::hide_annotations(), conflicts_with = "json_input")]
    objections: Vec<Objection>,
    #[arg(long, value_name = "TIME", help = help("check.at"), conflicts_with = "json_input")]
    at: Option<String>,
    #[arg(long, help = help("check.preview"), conflicts_with = "json_input")]
    preview: bool,
    #[arg(long, value_name = "DATE", help = help("check.subject_birth_date"), conflicts_with = "json_input")]
    subject_birth_date: Option<String>,
    #[arg(long, value_name = "JSON", help = help("check.request_json"))]
    request_json: Option<String>,
    #[arg(long, value_name = "FILE", help = help("check.request_file"))]
    request_file: Option<PathBuf>,
}

/// Decides the request and prints the decision: exit 0 for an allow, 1
/// for a deny.
pub fn run(args: Args, global: Global) -> Result<Outcome, Failure> {
    let tr = Tr(global.lang);
    let decision = match (&args.request_json, &args.request_file) {
        (Some(json), _) => wire::decide_json(json).map_err(|err| Failure::Input(Box::new(err)))?,
        (None, Some(path)) => {
            let text = super::read_text(path, tr)?;
            wire::decide_json(&text).map_err(|err| Failure::Input(Box::new(err)))?
        }
        (None, None) => {
            let request = request(&args, tr)?;
            decide(&request).map_err(|err| Failure::Input(Box::new(WireError::from(err))))?
        }
    };
    if global.json {
        let json = wire::to_json(&decision).map_err(|err| Failure::write("standard output", err))?;
        println!("{json}");
    } else {
        println!("{}", render(&decision, tr));
    }
    Ok(if decision.is_allowed() {
        Outcome::Success
    } else {
        Outcome::Failure
    })
}

/// The request the options describe.
fn request(args: &Args, tr: Tr) -> Result<Request, Failure> {
    let (Some(service), Some(party), Some(action), Some(data), Some(purpose), Some(location)) = (
        args.service,
        args.party,
        args.action,
        args.data,
        args.purpose,
        args.location,
    ) else {
        return Err(Failure::Usage(tr.t(Msg::CheckNeedsRequest).to_owned()));
    };
    let mut request = Request::new(service, party, action, data, purpose, location)
        .with_authorizations(args.authorizations.iter().copied().collect())
        .with_objections(args.objections.iter().copied().collect())
        .with_circumstance_option(args.circumstance);
    if let Some(at) = &args.at {
        let at = vianet_privacy::time::parse_time(at)
            .map_err(|_| Failure::Usage(tr.f(Msg::BadTime, &[("option", &"--at"), ("value", at)])))?;
        request = request.at(at);
    }
    if args.preview {
        request = request.in_preview();
    }
    if let Some(date) = &args.subject_birth_date {
        let date = NaiveDate::parse_from_str(date, "%Y-%m-%d")
            .map_err(|_| Failure::Usage(tr.f(Msg::BadDate, &[("option", &"--subject-birth-date"), ("value", date)])))?;
        request = request.with_subject_birth_date(date);
    }
    Ok(request)
}

/// The decision for people: its explanation, then the statement version.
fn render(decision: &Decision, tr: Tr) -> String {
    let version = decision.statement_version().label(tr.0);
    format!(
        "{}\n{}",
        decision.explain(tr.0),
        tr.f(Msg::CheckUnder, &[("version", &version)])
    )
}
