//! "Preview Releases".
//!
//! > Preview version, beta version, or other pre-release services
//! > (“Previews”) are optional evaluation versions of the Online Services
//! > offered by 21Vianet to obtain customer feedback prior to general
//! > release. This section describes the different or additional terms
//! > specific to Previews:
//! >
//! > - Security: We will do our best to provide security measures for your
//! >   data in the Previews, but these security measures may differ from
//! >   the present security measures in typical Online Services.
//!
//! A Preview is decided like any other Online Service; an allow in a
//! Preview ([`Request::preview`](crate::Request::preview)) carries
//! [`Advisory::PreviewSecurityMayDiffer`] for the caller to pass on.
//!
//! ```
//! use vianet_privacy::{decide, Action, Advisory, DataElement, Location, OnlineService, Party, Purpose, Request};
//!
//! let request = Request::new(
//!     OnlineService::PowerPlatform,
//!     Party::Operator,
//!     Action::Store,
//!     DataElement::CustomerContent,
//!     Purpose::ProvideService,
//!     Location::MainlandChina,
//! );
//! assert!(!decide(&request)?.advisories().contains(Advisory::PreviewSecurityMayDiffer));
//! let decision = decide(&request.in_preview())?;
//! assert!(decision.is_allowed());
//! assert!(decision.advisories().contains(Advisory::PreviewSecurityMayDiffer));
//! # Ok::<(), vianet_privacy::RequestError>(())
//! ```

use crate::{Advisory, Decision, Request};

/// Adds the Preview advisory to an allow in a Preview.
pub(crate) fn annotate(request: &Request, decision: Decision) -> Decision {
    match decision {
        Decision::Allow(mut allow) if request.preview => {
            allow.advisories.insert(Advisory::PreviewSecurityMayDiffer);
            Decision::Allow(allow)
        }
        other => other,
    }
}
