#pragma once

#include <QString>

#include <optional>

// What is known about a stored provider key. The key itself never leaves the keychain.
enum class KeyState {
    NotSet,      // nothing stored
    Active,      // well-formed, and the provider accepted it at the last check
    Invalid,     // malformed, or the provider answered 401/403
    NotVerified, // stored, but the last check could not reach a verdict (offline, timeout, 5xx)
};

// Where the key used for an action comes from.
enum class KeySource { Tenant, Install, Credits };

QString keyStateId(KeyState state); // "not_set", "active", "invalid", "not_verified"
std::optional<KeyState> keyStateFromId(QStringView id);
QString keyStateLabel(KeyState state); // the page's words: "Active (BYOK)", "Invalid key", ...
QString keySourceId(KeySource source); // "tenant", "install", "credits"
