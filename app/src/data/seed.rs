//! Demo data: the Kirklees-style 2025-2028 priorities and the Seven Inclusive Ambitions, a forum, one activity, and demo staff.
//! Fixed ids and ON CONFLICT DO NOTHING make seeding safe to run on every start.

use super::{now, staff, DataResult, Db};
use crate::domain::Role;

pub const STRATEGY: &str = "Joint Commissioning 2025-2028";
pub const FORUM: &str = "SEND Transformation & Commissioning group";

/// Demo sign-ins: role names, never people's names. Printed by the run command.
pub const DEMO_USERS: [(&str, Role, &str); 5] = [
    (
        "facilitator@heard.example",
        Role::Facilitator,
        "demo-facilitator-password",
    ),
    (
        "commissioner@heard.example",
        Role::Commissioner,
        "demo-commissioner-password",
    ),
    (
        "safeguarding@heard.example",
        Role::SafeguardingLead,
        "demo-safeguarding-password",
    ),
    ("viewer@heard.example", Role::Viewer, "demo-viewer-password"),
    ("admin@heard.example", Role::Admin, "demo-admin-password"),
];

/// The demo accounts' authenticator secret (base32), printed by the run command so anyone
/// trying Heard can add it to an app. Demo data only: real accounts each get their own.
pub const DEMO_TOTP_SECRET: &str = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

/// The eight commissioning and investment priorities, summarised in our own words.
const PRIORITIES: [(&str, &str, &str, &str); 8] = [
    (
        "Developing our inclusive approach",
        "Children with SEND are often unable to join in alongside their peers; more inclusive \
         mainstream schools and services mean less need for specialist provision.",
        "Schools, services and organisations that more people can use on equal terms.",
        "Share good inclusive practice, embed the Inclusive Communities Framework, and co-produce \
         with communities to understand and remove barriers.",
    ),
    (
        "Sufficiency of suitable education placements for children with SEND",
        "Specialist places are short, so some children wait or are placed out of the area.",
        "Children taught in the setting that suits their needs, within the area wherever possible.",
        "Open new special schools for autism and for social, emotional and mental health needs, \
         add satellite provision in mainstream schools, and open an alternative provision free school.",
    ),
    (
        "Preparing for adulthood",
        "Parents say transition often feels unplanned, and support must span the whole 0 to 25 range.",
        "Clear pathways from children's to adult services, and a range of supported internships, \
         employment and learning.",
        "Review transition pathways and post-16 and post-19 provision with young people and families, \
         and grow supported internships.",
    ),
    (
        "Improved support for speech, language and communication needs",
        "More children have speech, language and communication needs, growing fastest in the early \
         years, and waiting lists are long.",
        "Early help for communication in early years settings and timely assessment and therapy.",
        "Invest in early speech and language therapy, train school staff, and build a workforce \
         pipeline with the university and NHS providers.",
    ),
    (
        "Provision for children and young people with social, emotional and mental health needs",
        "Children with these needs are more at risk of exclusion and of not being in education, \
         employment or training.",
        "Fewer exclusions, and more of these children's needs met in local mainstream settings.",
        "Support schools through mental health teams, outreach and educational psychology, and \
         invest in clinical support for special schools.",
    ),
    (
        "Timely access to assessment and services",
        "Requests for needs assessments have grown and services such as therapy are under pressure.",
        "Children and families get support and services at the point of need.",
        "Remodel therapeutic services, develop the workforce, and jointly review speech, language \
         and communication services.",
    ),
    (
        "Effective early intervention for children and families",
        "Children, young people and parents say early help makes a difference and prevents crisis.",
        "A clear early support offer for every family, including mental health and wellbeing.",
        "Bring in a holistic early support model, support children while they wait for assessment, \
         and widen access to assistive technology.",
    ),
    (
        "Develop our short breaks offer",
        "Children, young people and parents say a meaningful short break or activity matters to them.",
        "A suitable range of fun, inclusive activities and short breaks that build independence.",
        "Remodel the short breaks offer, grow in-house activities, review direct payments, and help \
         voluntary groups become more inclusive.",
    ),
];

/// The Seven Inclusive Ambitions the partnership co-produced, in our own words.
const AMBITIONS: [(&str, &str); 7] = [
    (
        "Early help that works before needs grow",
        "Responsive, joined-up early intervention, using the community and assistive technology.",
    ),
    (
        "Families and carers feel empowered and supported",
        "Families know what support there is and trust the professionals they work with.",
    ),
    (
        "Children and young people feel included",
        "Included in their community and their school, so more are supported close to home.",
    ),
    (
        "Children and young people thrive in education",
        "An education that is flexible and understanding of their needs, valuing all their successes.",
    ),
    (
        "A seamless journey through an integrated system",
        "Less bureaucracy, and the right support at the right time.",
    ),
    (
        "Professionals are empowered to meet needs",
        "A shared culture of acting early, skills across the workforce, and clear pathways.",
    ),
    (
        "Clear aspirations and preparing for adulthood",
        "Support towards independence, and into education, employment and training.",
    ),
];

/// Which ambitions (by position) each priority (by position) serves.
const SERVES: [(i64, &[i64]); 8] = [
    (1, &[3, 4]),
    (2, &[3, 4]),
    (3, &[7]),
    (4, &[1, 6]),
    (5, &[1, 4]),
    (6, &[5]),
    (7, &[1, 2]),
    (8, &[2, 3]),
];

const ACTIVITY_ID: &str = "activity-short-breaks";

/// A prompt of the demo activity.
struct SeedPrompt {
    position: i64,
    text: &'static str,
    easy_read: &'static str,
    modes: &'static str,
    scale_points: i64,
    symbol: &'static str,
    multiple: bool,
}

const PROMPTS: [SeedPrompt; 5] = [
    SeedPrompt {
        position: 1,
        text: "How do you feel about the clubs and short breaks you go to now?",
        easy_read: "Clubs and short breaks. How do you feel?",
        modes: "emoji_scale",
        scale_points: 5,
        symbol: "1F3AA",
        multiple: false,
    },
    SeedPrompt {
        position: 2,
        text: "What would make a short break really good for you?",
        easy_read: "What makes a good short break? Tell us.",
        modes: "text",
        scale_points: 5,
        symbol: "1F4A1",
        multiple: false,
    },
    SeedPrompt {
        position: 3,
        text: "How do you feel about trying a new club or activity?",
        easy_read: "Trying something new. How do you feel?",
        modes: "emoji_scale",
        scale_points: 3,
        symbol: "2728",
        multiple: false,
    },
    SeedPrompt {
        position: 4,
        text: "What would you like to do more of at short breaks?",
        easy_read: "Pick the things you like. You can pick more than one.",
        modes: "choice",
        scale_points: 5,
        symbol: "1F3C3",
        multiple: true,
    },
    SeedPrompt {
        position: 5,
        text: "Show us or tell us about a place where you have fun.",
        easy_read: "A place where you have fun. Show us or tell us.",
        modes: "photo,drawing,audio,text",
        scale_points: 5,
        symbol: "1F4F7",
        multiple: false,
    },
];

/// The demo activity's theme list.
const THEMES: [&str; 4] = ["Friends", "Things to do", "Travel", "Staff and helpers"];

/// The options of the choice prompt (position 4): position, words, symbol.
const CHOICES: [(i64, &str, &str); 8] = [
    (1, "Swimming", "1F3CA"),
    (2, "Music", "1F3B5"),
    (3, "Art", "1F3A8"),
    (4, "Games", "1F3AE"),
    (5, "Being outdoors", "1F333"),
    (6, "Cooking", "1F373"),
    (7, "Time with friends", "1F9D1-200D-1F91D-200D-1F9D1"),
    (8, "A quiet space", "1F92B"),
];

pub async fn demo(db: &Db) -> DataResult<()> {
    let pool = db.pool();
    let created = now();
    sqlx::query(
        "INSERT INTO strategies (id, title, period) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING",
    )
    .bind("strategy-2025")
    .bind(STRATEGY)
    .bind("2025-2028")
    .execute(pool)
    .await?;
    for (index, (title, summary)) in AMBITIONS.iter().enumerate() {
        let position = index as i64 + 1;
        sqlx::query(
            "INSERT INTO ambitions (id, position, title, summary) VALUES ($1, $2, $3, $4) \
             ON CONFLICT DO NOTHING",
        )
        .bind(format!("ambition-{position}"))
        .bind(position)
        .bind(*title)
        .bind(*summary)
        .execute(pool)
        .await?;
    }
    for (index, (title, why, what, how)) in PRIORITIES.iter().enumerate() {
        let position = index as i64 + 1;
        sqlx::query(
            "INSERT INTO priorities (id, strategy_id, position, title, why, what, how, owner, \
             period) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT DO NOTHING",
        )
        .bind(format!("priority-{position}"))
        .bind("strategy-2025")
        .bind(position)
        .bind(*title)
        .bind(*why)
        .bind(*what)
        .bind(*how)
        .bind("Integrated commissioning team")
        .bind("2025-2028")
        .execute(pool)
        .await?;
    }
    for (priority, ambitions) in SERVES {
        for ambition in ambitions {
            sqlx::query(
                "INSERT INTO priority_ambitions (priority_id, ambition_id) VALUES ($1, $2) \
                 ON CONFLICT DO NOTHING",
            )
            .bind(format!("priority-{priority}"))
            .bind(format!("ambition-{ambition}"))
            .execute(pool)
            .await?;
        }
    }
    sqlx::query("INSERT INTO forums (id, name) VALUES ($1, $2) ON CONFLICT DO NOTHING")
        .bind("forum-send-tc")
        .bind(FORUM)
        .execute(pool)
        .await?;
    sqlx::query(
        "INSERT INTO activities (id, title, intro, forum_id, created_at) \
         VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING",
    )
    .bind(ACTIVITY_ID)
    .bind("What makes a good short break?")
    .bind("We want to know what you think about clubs, activities and short breaks.")
    .bind("forum-send-tc")
    .bind(created)
    .execute(pool)
    .await?;
    sqlx::query(
        "INSERT INTO activity_priorities (activity_id, priority_id) VALUES ($1, $2) \
         ON CONFLICT DO NOTHING",
    )
    .bind(ACTIVITY_ID)
    .bind("priority-8")
    .execute(pool)
    .await?;
    for prompt in &PROMPTS {
        sqlx::query(
            "INSERT INTO prompts (id, activity_id, position, text, easy_read, modes, scale_points, \
             symbol, multiple) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT DO NOTHING",
        )
        .bind(format!("{ACTIVITY_ID}-prompt-{}", prompt.position))
        .bind(ACTIVITY_ID)
        .bind(prompt.position)
        .bind(prompt.text)
        .bind(prompt.easy_read)
        .bind(prompt.modes)
        .bind(prompt.scale_points)
        .bind(prompt.symbol)
        .bind(i64::from(prompt.multiple))
        .execute(pool)
        .await?;
    }
    for (position, label, symbol) in CHOICES {
        sqlx::query(
            "INSERT INTO prompt_options (prompt_id, position, label, symbol) \
             VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING",
        )
        .bind(format!("{ACTIVITY_ID}-prompt-4"))
        .bind(position)
        .bind(label)
        .bind(symbol)
        .execute(pool)
        .await?;
    }
    for theme in THEMES {
        sqlx::query(
            "INSERT INTO themes (id, activity_id, name, created_at) VALUES ($1, $2, $3, $4) \
             ON CONFLICT DO NOTHING",
        )
        .bind(format!(
            "{ACTIVITY_ID}-theme-{}",
            theme.to_lowercase().replace(' ', "-")
        ))
        .bind(ACTIVITY_ID)
        .bind(theme)
        .bind(created)
        .execute(pool)
        .await?;
    }
    for (email, role, password) in DEMO_USERS {
        staff::ensure_user(db, email, role, password, Some(DEMO_TOTP_SECRET)).await?;
    }
    // The commissioner and the board member sit on the forum, so they acknowledge its hearings.
    sqlx::query(
        "INSERT INTO forum_members (forum_id, staff_id, added_at) \
         SELECT $1, id, $2 FROM staff_users WHERE email IN ($3, $4) ON CONFLICT DO NOTHING",
    )
    .bind("forum-send-tc")
    .bind(created)
    .bind("commissioner@heard.example")
    .bind("viewer@heard.example")
    .execute(pool)
    .await?;
    Ok(())
}
