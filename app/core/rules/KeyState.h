#pragma once

#include <QString>

#include <optional>

// What is known about a stored provider key. The key itself never leaves the keychain.
enum class KeyState
{
    NotSet,       // nothing stored
    Active,       // well-formed, and the provider accepted it at the last check
    Invalid,      // malformed, or the provider answered 401/403
    NotVerified,  // stored, but the last check could not reach a verdict (offline, timeout, 5xx)
    OutOfBudget,  // the provider knows the key, but its account cannot spend (spend limit, quota, billing)
    Throttled,    // the provider is limiting requests and said when to ask again
    NoPermission, // a usage key the provider knows, without the right to read the usage reports (403)
    Unused,       // stored but not in force (a tenant key on a plan without tenant keys); never stored as such
};

// Every state, in the order the JSON names are documented.
inline constexpr KeyState allKeyStates[] = {KeyState::Active,    KeyState::Invalid,     KeyState::OutOfBudget,
                                            KeyState::Throttled, KeyState::NotVerified, KeyState::Unused,
                                            KeyState::NotSet,    KeyState::NoPermission};

// What a key is for: running the install's AI actions (BYOK), or reading the provider organisation's usage and
// cost reports (an Admin key, which can never run an action). One usage key per provider, for the install.
enum class KeyPurpose
{
    Inference,
    Usage
};

// Where the key used for an action comes from.
enum class KeySource
{
    Tenant,
    Install,
    Credits
};

QString keyStateId(KeyState state); // "active", "invalid", "out_of_budget", ... (DESIGN.md §1)
std::optional<KeyState> keyStateFromId(QStringView id);
QString keyStateLabel(KeyState state); // the page's words: "Active (BYOK)", "Invalid key", ...
// Whether actions covered by a key in this state are refused rather than run: the key is known not to work.
bool keyStateRefusesActions(KeyState state);
QString keySourceId(KeySource source); // "tenant", "install", "credits"
