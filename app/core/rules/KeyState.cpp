#include "KeyState.h"

QString keyStateId(KeyState state)
{
    switch (state) {
    case KeyState::NotSet: return QStringLiteral("not_set");
    case KeyState::Active: return QStringLiteral("active");
    case KeyState::Invalid: return QStringLiteral("invalid");
    case KeyState::NotVerified: return QStringLiteral("not_verified");
    case KeyState::OutOfBudget: return QStringLiteral("out_of_budget");
    case KeyState::Throttled: return QStringLiteral("throttled");
    case KeyState::Unused: return QStringLiteral("unused");
    }
    return {};
}

std::optional<KeyState> keyStateFromId(QStringView id)
{
    for (KeyState s : allKeyStates)
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
    case KeyState::OutOfBudget: return QStringLiteral("Out of budget");
    case KeyState::Throttled: return QStringLiteral("Throttled");
    case KeyState::Unused: return QStringLiteral("Unused");
    }
    return {};
}

bool keyStateRefusesActions(KeyState state)
{
    return state == KeyState::Invalid || state == KeyState::OutOfBudget;
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
