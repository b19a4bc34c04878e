//! Email alerts to safeguarding leads, when an SMTP relay is configured. The email says only
//! that there is a new concern and where to sign in: never what a child said, nor which session.
//! Each concern remembers when its alert went (`concerns.alerted_at`), so an alert waits in the
//! database through a crash or an SMTP outage and is sent when the relay answers again.
//!
//! Plain SMTP to a relay, without TLS: as the message holds nothing about a child, a council's
//! internal relay (or a local Postfix that forwards over TLS) is enough.

use crate::data::{concern, staff, Db, SAFEGUARDING};
use lettre::message::Mailbox;
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use std::time::Duration;

/// How often waiting alerts are tried even when nothing new was announced (a relay came back).
const RETRY_EVERY: Duration = Duration::from_secs(30);

#[derive(Clone, Debug)]
pub struct AlertSettings {
    /// `host:port` of the SMTP relay.
    pub relay: String,
    pub from: String,
    /// The address staff open Heard at, e.g. `https://heard.council.example`.
    pub public_url: String,
}

#[derive(Debug, thiserror::Error)]
pub enum AlertError {
    #[error("HEARD_SMTP_RELAY must be host:port, not {0:?}")]
    Relay(String),
    #[error("HEARD_ALERT_FROM is not an email address: {0}")]
    From(String),
    #[error("could not build the alert: {0}")]
    Message(String),
    #[error("the SMTP relay refused or did not answer: {0}")]
    Smtp(#[from] lettre::transport::smtp::Error),
}

#[derive(Clone)]
pub struct Mailer {
    transport: AsyncSmtpTransport<Tokio1Executor>,
    from: Mailbox,
    link: String,
}

impl Mailer {
    pub fn new(settings: &AlertSettings) -> Result<Self, AlertError> {
        let (host, port) = settings
            .relay
            .rsplit_once(':')
            .and_then(|(host, port)| Some((host, port.parse::<u16>().ok()?)))
            .filter(|(host, _)| !host.is_empty())
            .ok_or_else(|| AlertError::Relay(settings.relay.clone()))?;
        let transport = AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(host)
            .port(port)
            .timeout(Some(Duration::from_secs(20)))
            .build();
        let from = settings
            .from
            .parse()
            .map_err(|e: lettre::address::AddressError| AlertError::From(e.to_string()))?;
        let link = format!(
            "{}/staff/safeguarding",
            settings.public_url.trim_end_matches('/')
        );
        Ok(Mailer {
            transport,
            from,
            link,
        })
    }

    /// Claims the concerns waiting for their alert and sends one email to every safeguarding
    /// lead for them; returns how many concerns it covered. Claiming first means that of several
    /// servers only one emails about a concern; when sending fails the claim is given back, so
    /// they wait for the next try.
    pub async fn send_waiting(&self, db: &Db) -> Result<usize, AlertError> {
        let claimed = concern::claim_alerts(db).await.map_err(data)?;
        if claimed.is_empty() {
            return Ok(0);
        }
        match self.send(db).await {
            Ok(()) => Ok(claimed.len()),
            Err(error) => {
                concern::release_alerts(db, &claimed).await.map_err(data)?;
                Err(error)
            }
        }
    }

    async fn send(&self, db: &Db) -> Result<(), AlertError> {
        let leads = staff::safeguarding_lead_emails(db).await.map_err(data)?;
        if leads.is_empty() {
            return Err(AlertError::Message(
                "a concern is waiting but no active safeguarding lead has an account".into(),
            ));
        }
        let mut builder = Message::builder()
            .from(self.from.clone())
            .subject("Heard: a new safeguarding concern");
        for lead in &leads {
            match lead.parse::<Mailbox>() {
                Ok(mailbox) => builder = builder.bcc(mailbox),
                Err(error) => tracing::warn!(%error, "a safeguarding lead's address is not usable"),
            }
        }
        let body = format!(
            "There is a new safeguarding concern in Heard.\n\n\
             Sign in to see it: {}\n\n\
             This email never says what was said or where: that stays in Heard.\n",
            self.link
        );
        let message = builder
            .body(body)
            .map_err(|e| AlertError::Message(e.to_string()))?;
        self.transport.send(message).await?;
        Ok(())
    }
}

fn data(error: crate::data::DataError) -> AlertError {
    AlertError::Message(error.to_string())
}

/// Sends alerts as concerns are raised, and retries waiting ones every half minute.
pub fn spawn(db: Db, mailer: Mailer) {
    tokio::spawn(async move {
        let mut changes = db.changes();
        loop {
            if let Err(error) = mailer.send_waiting(&db).await {
                tracing::warn!(%error, "safeguarding alert not sent yet; will retry");
            }
            let _ = tokio::time::timeout(RETRY_EVERY, async {
                loop {
                    match changes.recv().await {
                        Ok(topic) if topic == SAFEGUARDING => return,
                        Ok(_) => continue,
                        Err(tokio::sync::broadcast::error::RecvError::Lagged(_)) => return,
                        Err(tokio::sync::broadcast::error::RecvError::Closed) => {
                            // No more announcements: fall back to the timer alone.
                            std::future::pending::<()>().await
                        }
                    }
                }
            })
            .await;
        }
    });
}
