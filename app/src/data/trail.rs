//! The Lundy trail of contributions: Space (the session), Voice (what was said and how),
//! Audience (which forum heard it) and Influence (the decision and its feedback).

use super::{contribution, day_of, get, DataError, DataResult, Db};
use crate::domain::{
    AudienceStep, Communicated, Contribution, DecisionStatus, InfluenceStep, Language, LundyTrail,
    SpaceStep, Theme, VoiceStep,
};
use std::collections::HashMap;

/// Which contributions to load.
#[derive(Clone, Copy, Debug)]
pub enum Scope<'a> {
    /// Every contribution not held back by an open concern: what decision makers may see.
    Released,
    /// What may go in a hearing pack (see `presentable!`).
    Presentable,
    Session(&'a str),
    Participation(&'a str),
    /// The contributions of a hearing pack still released to decision makers.
    Hearing(&'a str),
}

/// Runs a loader's SQL with the scope's id bound, when the scope has one.
async fn fetch_in(db: &Db, sql: &str, param: Option<&str>) -> DataResult<Vec<sqlx::any::AnyRow>> {
    let mut query = sqlx::query(sql);
    if let Some(param) = param {
        query = query.bind(param);
    }
    Ok(query.fetch_all(db.pool()).await?)
}

impl Scope<'_> {
    fn filter(&self) -> (&'static str, Option<&str>) {
        match self {
            Scope::Released => (concat!("WHERE ", released!()), None),
            Scope::Presentable => (concat!("WHERE ", presentable!()), None),
            Scope::Hearing(id) => (
                concat!(
                    "WHERE c.id IN (SELECT contribution_id FROM hearing_items WHERE hearing_id = $1) AND ",
                    released!()
                ),
                Some(id),
            ),
            Scope::Session(id) => ("WHERE p.session_id = $1", Some(id)),
            Scope::Participation(id) => ("WHERE c.participation_id = $1", Some(id)),
        }
    }
}

/// What decision makers may see of a contribution `c`, as an SQL condition. A turn with a
/// concern not yet cleared is held back whole: a disclosure may be in any answer. Hidden
/// contributions are left out too.
macro_rules! released {
    () => {
        "c.hidden_reason IS NULL AND NOT EXISTS (SELECT 1 FROM concerns k \
         WHERE k.participation_id = c.participation_id AND k.cleared_at IS NULL)"
    };
}
pub(super) use released;

/// What may go in a hearing pack, as an SQL condition on `c`: released to decision makers, not
/// erased, and a picture or recording only with the child's consent for decision makers or the
/// public board.
macro_rules! presentable {
    () => {
        concat!(
            $crate::data::trail::released!(),
            " AND c.erased_at IS NULL AND (c.media_id IS NULL OR EXISTS (SELECT 1 FROM media pm \
             WHERE pm.id = c.media_id AND pm.consent IN ('decision_makers', 'public')))"
        )
    };
}
pub(super) use presentable;

pub async fn load(db: &Db, scope: Scope<'_>) -> DataResult<Vec<Contribution>> {
    let (filter, param) = scope.filter();
    let sql = format!(
        "SELECT c.id, c.prompt_id, c.mode, c.scale_value, c.text_value, c.choice_values, c.media_id, m.consent, c.communicated, c.hidden_reason, \
         c.description, c.translated_from, p.language, c.created_at, pr.text AS prompt, s.place, a.title AS activity \
         FROM contributions c JOIN participations p ON p.id = c.participation_id \
         LEFT JOIN media m ON m.id = c.media_id \
         JOIN sessions s ON s.id = p.session_id JOIN activities a ON a.id = s.activity_id \
         JOIN prompts pr ON pr.id = c.prompt_id {filter} AND c.erased_at IS NULL ORDER BY c.created_at, pr.position, c.id"
    );
    let rows = fetch_in(db, &sql, param).await?;
    let mut contributions = Vec::new();
    for row in rows {
        let answer = contribution::answer_from(&row)?;
        let communicated = Communicated::parse(&get::<String>(&row, "communicated")?)
            .ok_or(DataError::Fault("unknown communication".into()))?;
        contributions.push(Contribution {
            id: get(&row, "id")?,
            prompt_id: get(&row, "prompt_id")?,
            prompt: get(&row, "prompt")?,
            prompt_in: Language::English,
            options_in: Language::English,
            communicated,
            trail: LundyTrail {
                space: SpaceStep {
                    activity: get(&row, "activity")?,
                    place: get(&row, "place")?,
                    said_on: day_of(get(&row, "created_at")?),
                },
                voice: VoiceStep {
                    mode: answer.mode(),
                    communicated,
                },
                audience: Vec::new(),
                influence: Vec::new(),
            },
            answer,
            hidden_reason: get(&row, "hidden_reason")?,
            description: get(&row, "description")?,
            translated_from: get::<Option<String>>(&row, "translated_from")?
                .as_deref()
                .and_then(Language::parse),
            page_language: Language::parse(&get::<String>(&row, "language")?).unwrap_or_default(),
            themes: Vec::new(),
        });
    }
    add_themes(db, scope, &mut contributions).await?;
    add_hearings(db, scope, &mut contributions).await?;
    add_decisions(db, scope, &mut contributions).await?;
    Ok(contributions)
}

async fn add_themes(
    db: &Db,
    scope: Scope<'_>,
    contributions: &mut [Contribution],
) -> DataResult<()> {
    let (filter, param) = scope.filter();
    let sql = format!(
        "SELECT ct.contribution_id, t.id, t.name FROM contribution_themes ct \
         JOIN themes t ON t.id = ct.theme_id JOIN contributions c ON c.id = ct.contribution_id \
         JOIN participations p ON p.id = c.participation_id {filter} ORDER BY t.name"
    );
    let rows = fetch_in(db, &sql, param).await?;
    let mut by_contribution: HashMap<String, Vec<Theme>> = HashMap::new();
    for row in rows {
        by_contribution
            .entry(get(&row, "contribution_id")?)
            .or_default()
            .push(Theme {
                id: get(&row, "id")?,
                name: get(&row, "name")?,
            });
    }
    for contribution in contributions {
        contribution.themes = by_contribution.remove(&contribution.id).unwrap_or_default();
    }
    Ok(())
}

/// Fills Audience from the presented hearing packs each contribution was in, with the members
/// who said they heard it.
async fn add_hearings(
    db: &Db,
    scope: Scope<'_>,
    contributions: &mut [Contribution],
) -> DataResult<()> {
    let (filter, param) = scope.filter();
    let sql = format!(
        "SELECT hi.contribution_id, h.id AS hearing_id, f.name AS forum, h.held_on, u.email \
         FROM hearing_items hi JOIN hearings h ON h.id = hi.hearing_id \
         JOIN forums f ON f.id = h.forum_id \
         LEFT JOIN hearing_acknowledgements ha ON ha.hearing_id = h.id \
         LEFT JOIN staff_users u ON u.id = ha.staff_id \
         JOIN contributions c ON c.id = hi.contribution_id \
         JOIN participations p ON p.id = c.participation_id \
         {filter} AND h.presented_at IS NOT NULL ORDER BY h.held_on, h.id, u.email"
    );
    let rows = fetch_in(db, &sql, param).await?;
    let mut last: Option<(String, String)> = None;
    for row in rows {
        let contribution_id: String = get(&row, "contribution_id")?;
        let hearing_id: String = get(&row, "hearing_id")?;
        let Some(contribution) = contributions.iter_mut().find(|c| c.id == contribution_id) else {
            continue;
        };
        let key = (contribution_id, hearing_id);
        if last.as_ref() != Some(&key) {
            contribution.trail.audience.push(AudienceStep {
                forum: get(&row, "forum")?,
                heard_on: day_of(get(&row, "held_on")?),
                acknowledged_by: Vec::new(),
            });
            last = Some(key);
        }
        if let (Some(step), Some(email)) = (
            contribution.trail.audience.last_mut(),
            get::<Option<String>>(&row, "email")?,
        ) {
            step.acknowledged_by.push(email);
        }
    }
    Ok(())
}

/// Fills Audience and Influence from the decisions each contribution is linked to. A decision
/// is made at a forum, so the forum heard the contributions it linked on the day it decided.
async fn add_decisions(
    db: &Db,
    scope: Scope<'_>,
    contributions: &mut [Contribution],
) -> DataResult<()> {
    let (filter, param) = scope.filter();
    let sql = format!(
        "SELECT dl.contribution_id, dl.rationale, d.id AS decision_id, d.title, d.decided, \
         d.status, d.reason, d.decided_on, f.name AS forum, fb.plain_text, fb.easy_read, fb.symbol, \
         fb.published_at \
         FROM decision_links dl JOIN contributions c ON c.id = dl.contribution_id \
         JOIN participations p ON p.id = c.participation_id \
         JOIN decisions d ON d.id = dl.decision_id JOIN forums f ON f.id = d.forum_id \
         LEFT JOIN feedback fb ON fb.decision_id = d.id {filter} \
         ORDER BY d.decided_on, d.created_at, d.id"
    );
    let rows = fetch_in(db, &sql, param).await?;
    for row in rows {
        let contribution_id: String = get(&row, "contribution_id")?;
        let Some(contribution) = contributions.iter_mut().find(|c| c.id == contribution_id) else {
            continue;
        };
        let forum: String = get(&row, "forum")?;
        let heard_on = day_of(get(&row, "decided_on")?);
        // A hearing on the day already says the forum heard it.
        let known = contribution
            .trail
            .audience
            .iter()
            .any(|step| step.forum == forum && step.heard_on == heard_on);
        if !known {
            contribution.trail.audience.push(AudienceStep {
                forum,
                heard_on,
                acknowledged_by: Vec::new(),
            });
        }
        let feedback = super::decision::feedback_from(&row)?;
        contribution.trail.influence.push(InfluenceStep {
            decision_id: get(&row, "decision_id")?,
            decision: get(&row, "title")?,
            decided: get(&row, "decided")?,
            status: DecisionStatus::parse(&get::<String>(&row, "status")?)
                .ok_or(DataError::Fault("unknown decision status".into()))?,
            rationale: get(&row, "rationale")?,
            reason: get(&row, "reason")?,
            feedback,
            reply: None,
        });
    }
    Ok(())
}
