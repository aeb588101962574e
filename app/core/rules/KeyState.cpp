#include "rules/KeyState.h"

#include <QCoreApplication>

QString keyStateId(KeyState state)
{
    switch (state) {
    case KeyState::NotSet:
        return QStringLiteral("not_set");
    case KeyState::Active:
        return QStringLiteral("active");
    case KeyState::Invalid:
        return QStringLiteral("invalid");
    case KeyState::NotVerified:
        return QStringLiteral("not_verified");
    case KeyState::OutOfBudget:
        return QStringLiteral("out_of_budget");
    case KeyState::Throttled:
        return QStringLiteral("throttled");
    case KeyState::Unused:
        return QStringLiteral("unused");
    case KeyState::NoPermission:
        return QStringLiteral("no_permission");
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
    const char* label = "";
    switch (state) {
    case KeyState::NotSet:
        label = QT_TRANSLATE_NOOP("KeyState", "Not set");
        break;
    case KeyState::Active:
        label = QT_TRANSLATE_NOOP("KeyState", "Active (BYOK)");
        break;
    case KeyState::Invalid:
        label = QT_TRANSLATE_NOOP("KeyState", "Invalid key");
        break;
    case KeyState::NotVerified:
        label = QT_TRANSLATE_NOOP("KeyState", "Not verified");
        break;
    case KeyState::OutOfBudget:
        label = QT_TRANSLATE_NOOP("KeyState", "Out of budget");
        break;
    case KeyState::Throttled:
        label = QT_TRANSLATE_NOOP("KeyState", "Throttled");
        break;
    case KeyState::Unused:
        label = QT_TRANSLATE_NOOP("KeyState", "Unused");
        break;
    case KeyState::NoPermission:
        label = QT_TRANSLATE_NOOP("KeyState", "No permission");
        break;
    }
    return QCoreApplication::translate("KeyState", label);
}

bool keyStateRefusesActions(KeyState state)
{
    return state == KeyState::Invalid || state == KeyState::OutOfBudget;
}

QString keySourceId(KeySource source)
{
    switch (source) {
    case KeySource::Tenant:
        return QStringLiteral("tenant");
    case KeySource::Install:
        return QStringLiteral("install");
    case KeySource::Credits:
        return QStringLiteral("credits");
    }
    return {};
}
