//! `serve`: the decision service (the workspace member
//! `integrations/server`, `vianet-privacy-server`), on `127.0.0.1:8181` by
//! default. This module only reads the options, starts the runtime and
//! stops on SIGTERM or Ctrl-C.

use std::collections::BTreeMap;
use std::net::SocketAddr;
use std::time::Duration;

use tracing_subscriber::filter::{LevelFilter, Targets};
use tracing_subscriber::layer::SubscriberExt as _;
use tracing_subscriber::util::SubscriberInitExt as _;
use vianet_privacy_server::{Config, LogTarget, Service, DEFAULT_LISTEN};

use crate::failure::{Failure, Outcome};
use crate::messages::{help, help_with_default, Msg, Tr};
use crate::Global;

/// `serve`'s arguments.
#[derive(clap::Args, Debug)]
pub struct Args {
    #[arg(long, alias = "listen", value_name = "ADDR", default_value = DEFAULT_LISTEN,
          help = help_with_default("serve.addr", DEFAULT_LISTEN), hide_default_value = true)]
    addr: SocketAddr,
    #[arg(long, help = help("serve.allow_remote"))]
    allow_remote: bool,
    #[arg(long, value_name = "FILE", default_value = "-", help = help_with_default("serve.decision_log", "-"),
          hide_default_value = true)]
    decision_log: String,
    #[arg(long, value_name = "FILE", default_value = "-", help = help_with_default("serve.record_log", "-"),
          hide_default_value = true)]
    record_log: String,
    #[arg(long = "label", value_name = "NAME=VALUE", value_parser = label, help = help("serve.label"))]
    labels: Vec<(String, String)>,
    #[arg(long, value_name = "BYTES", default_value_t = 4 << 20, help = help_with_default("serve.max_body", "4194304"),
          hide_default_value = true)]
    max_body: usize,
    #[arg(long, value_name = "N", default_value_t = 10_000, help = help_with_default("serve.max_batch", "10000"),
          hide_default_value = true)]
    max_batch: usize,
    #[arg(long, value_name = "BYTES", default_value_t = 16 << 10, help = help_with_default("serve.max_header", "16384"),
          hide_default_value = true)]
    max_header: usize,
    #[arg(long, value_name = "SECONDS", default_value = "10", value_parser = seconds,
          help = help_with_default("serve.header_timeout", "10"), hide_default_value = true)]
    header_timeout: Duration,
    #[arg(long, value_name = "SECONDS", default_value = "10", value_parser = seconds,
          help = help_with_default("serve.body_timeout", "10"), hide_default_value = true)]
    body_timeout: Duration,
    #[arg(long, value_name = "SECONDS", default_value = "5", value_parser = seconds,
          help = help_with_default("serve.log_timeout", "5"), hide_default_value = true)]
    log_timeout: Duration,
    #[arg(long, value_name = "N", default_value_t = 1024, help = help_with_default("serve.max_connections", "1024"),
          hide_default_value = true)]
    max_connections: usize,
    #[arg(long, value_name = "SECONDS", default_value = "30", value_parser = seconds,
          help = help_with_default("serve.shutdown_timeout", "30"), hide_default_value = true)]
    shutdown_timeout: Duration,
}

/// `NAME=VALUE`.
fn label(text: &str) -> Result<(String, String), String> {
    match text.split_once('=') {
        Some((name, value)) if !name.is_empty() => Ok((name.to_owned(), value.to_owned())),
        _ => Err(format!("`{text}` is not NAME=VALUE")),
    }
}

/// Seconds, possibly with a fraction (`0.5`).
fn seconds(text: &str) -> Result<Duration, String> {
    text.parse::<f64>()
        .ok()
        .filter(|seconds| seconds.is_finite() && *seconds > 0.0 && *seconds < 1e9)
        .map(Duration::from_secs_f64)
        .ok_or_else(|| format!("`{text}` is not a positive number of seconds"))
}

/// The service's configuration from the options.
fn config(args: &Args) -> Config {
    let mut config = Config::default();
    config.decision_log = log_target(&args.decision_log);
    config.record_log = log_target(&args.record_log);
    config.labels = args.labels.iter().cloned().collect::<BTreeMap<_, _>>();
    config.limits.max_body_bytes = args.max_body;
    config.limits.max_batch = args.max_batch;
    config.limits.max_header_bytes = args.max_header;
    config.limits.header_timeout = args.header_timeout;
    config.limits.body_timeout = args.body_timeout;
    config.limits.log_timeout = args.log_timeout;
    config.limits.max_connections = args.max_connections;
    config.limits.shutdown_timeout = args.shutdown_timeout;
    config
}

fn log_target(text: &str) -> LogTarget {
    match text.parse::<LogTarget>() {
        Ok(target) => target,
        Err(never) => match never {},
    }
}

/// Serves until SIGTERM or Ctrl-C, then finishes the requests in flight
/// and exits 0.
pub fn run(args: &Args, global: Global) -> Result<Outcome, Failure> {
    let tr = Tr(global.lang);
    if !args.addr.ip().is_loopback() && !args.allow_remote {
        return Err(Failure::Usage(tr.f(Msg::ServeNotLoopback, &[("addr", &args.addr)])));
    }
    // Logs of the service itself on standard error; RUST_LOG chooses
    // (`RUST_LOG=vianet_privacy::decision=info` shows each deny).
    let filter = std::env::var("RUST_LOG")
        .ok()
        .and_then(|spec| spec.parse::<Targets>().ok())
        .unwrap_or_else(|| {
            Targets::new()
                .with_default(LevelFilter::WARN)
                .with_target("vianet_privacy_server", LevelFilter::INFO)
        });
    let _ = tracing_subscriber::registry()
        .with(
            tracing_subscriber::fmt::layer()
                .with_writer(std::io::stderr)
                .with_ansi(std::io::IsTerminal::is_terminal(&std::io::stderr())),
        )
        .with(filter)
        .try_init();

    let config = config(args);
    let failed = |what: String, err: &dyn std::fmt::Display| Failure::Serve {
        what,
        err: err.to_string(),
    };
    let service = Service::new(&config).map_err(|err| failed(args.addr.to_string(), &err))?;
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|err| failed(args.addr.to_string(), &err))?;
    runtime.block_on(async {
        let listener = tokio::net::TcpListener::bind(args.addr)
            .await
            .map_err(|err| failed(args.addr.to_string(), &err))?;
        let addr = listener
            .local_addr()
            .map_err(|err| failed(args.addr.to_string(), &err))?;
        eprintln!(
            "{}",
            tr.f(Msg::ServeListening, &[("addr", &addr), ("log", &config.decision_log)],)
        );
        let log = service.decision_log().clone();
        vianet_privacy_server::serve(listener, service, stop())
            .await
            .map_err(|err| failed(addr.to_string(), &err))?;
        eprintln!("{}", tr.f(Msg::ServeStopped, &[("lines", &log.health().lines())]));
        Ok(Outcome::Success)
    })
}

/// Completes on SIGTERM or Ctrl-C (SIGINT).
async fn stop() {
    #[cfg(unix)]
    {
        let mut term = match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(term) => term,
            Err(_) => {
                let _ = tokio::signal::ctrl_c().await;
                return;
            }
        };
        tokio::select! {
            _ = term.recv() => {}
            _ = tokio::signal::ctrl_c() => {}
        }
    }
    #[cfg(not(unix))]
    {
        let _ = tokio::signal::ctrl_c().await;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_and_seconds_are_read() {
        assert_eq!(label("service=billing"), Ok(("service".into(), "billing".into())));
        assert!(label("=x").is_err() && label("x").is_err());
        assert_eq!(seconds("0.5"), Ok(Duration::from_millis(500)));
        assert!(seconds("-1").is_err() && seconds("nan").is_err() && seconds("0").is_err());
    }
}
