use super::MediaConsent;
use serde::{Deserialize, Serialize};

/// What a member of staff may do. Checked on the server in every server function.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Admin,
    Facilitator,
    Commissioner,
    /// The designated safeguarding lead (DSL), who acts on children's concerns.
    SafeguardingLead,
    /// Reads decisions and evidence, changes nothing (e.g. a board member).
    Viewer,
}

impl Role {
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Admin => "admin",
            Role::Facilitator => "facilitator",
            Role::Commissioner => "commissioner",
            Role::SafeguardingLead => "safeguarding_lead",
            Role::Viewer => "viewer",
        }
    }

    pub const ALL: [Role; 5] = [
        Role::Admin,
        Role::Facilitator,
        Role::Commissioner,
        Role::SafeguardingLead,
        Role::Viewer,
    ];

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|role| role.as_str() == s)
    }

    pub fn label(self) -> &'static str {
        match self {
            Role::Admin => crate::staff!(label.role.admin),
            Role::Facilitator => crate::staff!(label.role.facilitator),
            Role::Commissioner => crate::staff!(label.role.commissioner),
            Role::SafeguardingLead => crate::staff!(label.role.safeguarding_lead),
            Role::Viewer => crate::staff!(label.role.viewer),
        }
    }

    /// The safeguarding lead's queue of concerns and their chronologies.
    pub fn can_safeguard(self) -> bool {
        self == Role::SafeguardingLead
    }

    /// Invites people, sets roles, turns accounts off.
    pub fn can_manage_staff(self) -> bool {
        self == Role::Admin
    }

    /// Any signed-in member of staff.
    pub fn is_staff(self) -> bool {
        true
    }

    /// Runs sessions and sees what children said in them.
    pub fn can_facilitate(self) -> bool {
        matches!(self, Role::Facilitator | Role::Admin)
    }

    /// Records decisions and publishes "you said, we did".
    pub fn can_commission(self) -> bool {
        matches!(self, Role::Commissioner | Role::Admin)
    }

    /// Sees the evidence of influence: dashboard, report, exports, the co-production audit.
    /// The safeguarding lead's work stays apart from it.
    pub fn can_see_evidence(self) -> bool {
        self != Role::SafeguardingLead
    }

    /// Acts for a child whose request came by phone or letter (with their receipt code): a
    /// copy, a narrower consent, an erasure.
    pub fn can_act_for_children(self) -> bool {
        self == Role::Admin
    }

    /// Reads the log of rights requests: admins answer them, the safeguarding lead decides
    /// those a concern holds.
    pub fn can_see_rights_requests(self) -> bool {
        matches!(self, Role::Admin | Role::SafeguardingLead)
    }

    /// A child's photo is seen by the team running sessions and keeping children safe, by
    /// decision makers only when the child agreed to that, and by viewers only when public.
    pub fn can_see_media(self, consent: MediaConsent) -> bool {
        match self {
            Role::Admin | Role::Facilitator | Role::SafeguardingLead => true,
            Role::Commissioner => consent != MediaConsent::Team,
            Role::Viewer => consent == MediaConsent::Public,
        }
    }
}
