use super::MediaConsent;
use serde::{Deserialize, Serialize};

/// What a member of staff may do. Checked on the server in every server function.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Admin,
    Facilitator,
    Commissioner,
}

impl Role {
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Admin => "admin",
            Role::Facilitator => "facilitator",
            Role::Commissioner => "commissioner",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        [Role::Admin, Role::Facilitator, Role::Commissioner]
            .into_iter()
            .find(|role| role.as_str() == s)
    }

    pub fn label(self) -> &'static str {
        match self {
            Role::Admin => "Admin",
            Role::Facilitator => "Facilitator",
            Role::Commissioner => "Commissioner",
        }
    }

    /// Runs sessions and sees what children said in them.
    pub fn can_facilitate(self) -> bool {
        matches!(self, Role::Facilitator | Role::Admin)
    }

    /// Records decisions and publishes "you said, we did".
    pub fn can_commission(self) -> bool {
        matches!(self, Role::Commissioner | Role::Admin)
    }

    /// A child's photo is seen by the team running sessions, and by decision makers only when
    /// the child agreed to that.
    pub fn can_see_media(self, consent: MediaConsent) -> bool {
        self.can_facilitate() || (self.can_commission() && consent != MediaConsent::Team)
    }
}
