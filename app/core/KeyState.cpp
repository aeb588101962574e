#include "KeyState.h"

QString keyStateId(KeyState state)
{
    switch (state) {
    case KeyState::NotSet: return QStringLiteral("not_set");
    case KeyState::Active: return QStringLiteral("active");
    case KeyState::Invalid: return QStringLiteral("invalid");
    case KeyState::NotVerified: return QStringLiteral("not_verified");
    }
    return {};
}

std::optional<KeyState> keyStateFromId(QStringView id)
{
    for (KeyState s : {KeyState::NotSet, KeyState::Active, KeyState::Invalid, KeyState::NotVerified})
        if (keyStateId(s) == id)
            return s;
    return std::nullopt;
}

QString keyStateLabel(KeyState state)
{
    switch (state) {
    case KeyState::NotSet: return QStringLiteral("Not set");
    case KeyState::Active: return QStringLiteral("Active (BYOK)");
    case KeyState::Invalid: return QStringLiteral("Invalid key");
    case KeyState::NotVerified: return QStringLiteral("Not verified");
    }
    return {};
}

QString keySourceId(KeySource source)
{
    switch (source) {
    case KeySource::Tenant: return QStringLiteral("tenant");
    case KeySource::Install: return QStringLiteral("install");
    case KeySource::Credits: return QStringLiteral("credits");
    }
    return {};
}
