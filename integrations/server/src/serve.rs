//! The connections: HTTP/1.1 with the header limits, at most
//! `max_connections` at once, a typed `408` for a client too slow to send
//! its headers, and a graceful shutdown.

use std::future::Future;
use std::pin::Pin;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::task::{Context, Poll};

use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::server::graceful::GracefulShutdown;
use hyper_util::service::TowerToHyperService;
use tokio::io::{AsyncRead, AsyncWrite, AsyncWriteExt, ReadBuf};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::Semaphore;

use crate::error::{ApiError, ErrorKind};
use crate::{ServerError, Service};

/// Serves `service` on `listener` until `shutdown` completes, then stops
/// accepting, lets the requests in flight finish (within
/// [`Limits::shutdown_timeout`](crate::Limits::shutdown_timeout)) and
/// returns once the logs are synced (a log file's data on disk, standard
/// output flushed). Every decision answered has had its log line written
/// to the operating system before its answer.
///
/// # Errors
///
/// [`ServerError::Listen`] when the listener fails for good.
pub async fn serve(
    listener: TcpListener,
    service: Service,
    shutdown: impl Future<Output = ()>,
) -> Result<(), ServerError> {
    let limits = service.limits();
    let router = service.router();
    let mut http = hyper::server::conn::http1::Builder::new();
    http.timer(TokioTimer::new())
        .header_read_timeout(limits.header_timeout)
        .max_buf_size(limits.max_header_bytes.max(8192))
        .keep_alive(true);
    let connections = Arc::new(Semaphore::new(limits.max_connections.max(1)));
    let graceful = GracefulShutdown::new();
    tokio::pin!(shutdown);
    loop {
        let permit = tokio::select! {
            permit = Arc::clone(&connections).acquire_owned() => permit.map_err(|_| ServerError::Listen(std::io::Error::other("closed")))?,
            () = &mut shutdown => break,
        };
        let (stream, peer) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(accepted) => accepted,
                Err(err) => {
                    // Out of file descriptors and the like: wait, go on.
                    tracing::warn!(error = %err, "accept failed");
                    tokio::time::sleep(std::time::Duration::from_millis(50)).await;
                    continue;
                }
            },
            () = &mut shutdown => break,
        };
        let _ = stream.set_nodelay(true);
        // A second handle on the socket, to answer 408 when hyper gives up
        // on slow headers (hyper itself just closes the connection).
        let (stream, spare) = match split(stream) {
            Ok(pair) => pair,
            Err(err) => {
                tracing::warn!(error = %err, %peer, "cannot serve the connection");
                continue;
            }
        };
        let (stream, partial) = Watched::new(stream);
        let connection = http.serve_connection(TokioIo::new(stream), TowerToHyperService::new(router.clone()));
        let connection = graceful.watch(connection);
        let service = service.clone();
        tokio::spawn(async move {
            if let Err(err) = connection.await {
                if err.is_timeout() {
                    // A client that began a request and did not finish its
                    // headers is told why; a kept-alive connection that
                    // stayed idle is just closed (an answer there could be
                    // read as the answer to a request sent meanwhile).
                    if partial.load(Ordering::Relaxed) {
                        service.count_error(ErrorKind::HeaderTimeout);
                        request_timeout(spare, &limits).await;
                    }
                } else {
                    tracing::debug!(error = %err, %peer, "connection ended with an error");
                }
            }
            drop(permit);
        });
    }
    drop(listener);
    tracing::info!("shutting down: no new connections; finishing the requests in flight");
    tokio::select! {
        () = graceful.shutdown() => {}
        () = tokio::time::sleep(limits.shutdown_timeout) => {
            tracing::warn!(timeout = ?limits.shutdown_timeout, "requests still in flight at the shutdown timeout");
        }
    }
    service.sync_logs().await;
    Ok(())
}

/// A connection's stream that knows whether a request has begun: bytes
/// read since the last answer was written.
struct Watched {
    stream: TcpStream,
    partial: Arc<AtomicBool>,
}

impl Watched {
    fn new(stream: TcpStream) -> (Watched, Arc<AtomicBool>) {
        let partial = Arc::new(AtomicBool::new(false));
        let watched = Watched {
            stream,
            partial: Arc::clone(&partial),
        };
        (watched, partial)
    }
}

impl AsyncRead for Watched {
    fn poll_read(self: Pin<&mut Self>, cx: &mut Context<'_>, buf: &mut ReadBuf<'_>) -> Poll<std::io::Result<()>> {
        let this = self.get_mut();
        let before = buf.filled().len();
        let polled = Pin::new(&mut this.stream).poll_read(cx, buf);
        if buf.filled().len() > before {
            this.partial.store(true, Ordering::Relaxed);
        }
        polled
    }
}

impl AsyncWrite for Watched {
    fn poll_write(self: Pin<&mut Self>, cx: &mut Context<'_>, bytes: &[u8]) -> Poll<std::io::Result<usize>> {
        let this = self.get_mut();
        let polled = Pin::new(&mut this.stream).poll_write(cx, bytes);
        if matches!(polled, Poll::Ready(Ok(written)) if written > 0) {
            this.partial.store(false, Ordering::Relaxed);
        }
        polled
    }

    fn poll_write_vectored(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        bufs: &[std::io::IoSlice<'_>],
    ) -> Poll<std::io::Result<usize>> {
        let this = self.get_mut();
        let polled = Pin::new(&mut this.stream).poll_write_vectored(cx, bufs);
        if matches!(polled, Poll::Ready(Ok(written)) if written > 0) {
            this.partial.store(false, Ordering::Relaxed);
        }
        polled
    }

    fn is_write_vectored(&self) -> bool {
        self.stream.is_write_vectored()
    }

    fn poll_flush(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<std::io::Result<()>> {
        Pin::new(&mut self.get_mut().stream).poll_flush(cx)
    }

    fn poll_shutdown(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<std::io::Result<()>> {
        Pin::new(&mut self.get_mut().stream).poll_shutdown(cx)
    }
}

/// The stream, and a second handle on the same socket.
fn split(stream: TcpStream) -> std::io::Result<(TcpStream, std::net::TcpStream)> {
    let stream = stream.into_std()?;
    let spare = stream.try_clone()?;
    Ok((TcpStream::from_std(stream)?, spare))
}

/// Answers `408 header_timeout` on the spare handle and closes it.
async fn request_timeout(spare: std::net::TcpStream, limits: &crate::Limits) {
    let Ok(mut stream) = TcpStream::from_std(spare) else {
        return;
    };
    let body = ApiError::new(
        ErrorKind::HeaderTimeout,
        format!(
            "the request line and headers did not arrive within {:?}",
            limits.header_timeout
        ),
    )
    .to_json();
    let mut response = format!(
        "HTTP/1.1 408 Request Timeout\r\ncontent-type: application/json\r\ncontent-length: {}\r\nconnection: close\r\n\r\n",
        body.len()
    )
    .into_bytes();
    response.extend_from_slice(&body);
    let write = async {
        stream.write_all(&response).await?;
        stream.shutdown().await
    };
    let _ = tokio::time::timeout(std::time::Duration::from_secs(1), write).await;
}
