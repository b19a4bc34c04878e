//! Building blocks the child and staff pages share.

mod choice;
mod display_options;
mod emoji_scale;
mod filter_select;
mod icon;
mod language_choice;
mod live;
mod page_form;
mod problem;
mod read_aloud;
mod symbol_choice;
mod trail;
mod worried;

pub use choice::ChoiceInput;
use display_options::back_here;
pub use display_options::DisplayOptions;
pub use emoji_scale::EmojiScaleInput;
pub use filter_select::{coded, FilterSelect};
pub use icon::Icon;
pub use language_choice::LanguageChoice;
pub use live::on_live_change;
pub use page_form::PageForm;
pub use problem::{ActionProblem, Problem};
pub use read_aloud::ReadAloud;
pub use symbol_choice::{FormCleared, SymbolChoice};
pub use trail::TrailView;
pub use worried::WorriedButton;
