#include "sections/UsageKeysPanel.h"

#include "rules/Roles.h"
#include "sections/KeyField.h"
#include "session/Session.h"

#include <QLabel>
#include <QVBoxLayout>

namespace Ui {

UsageKeysPanel::UsageKeysPanel(Session& session, QWidget* parent) : QGroupBox(tr("Usage keys"), parent)
{
    setObjectName(QStringLiteral("usageKeysPanel"));
    auto* layout = new QVBoxLayout(this);
    auto* intro = new QLabel(
        tr("A usage key lets this install read the provider's own usage and cost reports for your organisation, to "
           "show what your keys really cost and whether every run reached the provider. It is an Admin key, which "
           "never runs an AI action here but can also manage your organisation's keys and members: keep it like a "
           "master key. Where the provider offers a read-only analytics key for its reports, prefer it: it can "
           "change nothing, though its reports count per model, not per key, so they are not reconciled with the "
           "runs. Only an Owner can set, test or remove it."),
        this);
    intro->setObjectName(QStringLiteral("usageKeysIntroLabel"));
    intro->setWordWrap(true);
    layout->addWidget(intro);
    for (const Provider& p : session.catalog().providers()) {
        if (p.usagePath.isEmpty())
            continue;
        auto* field = new KeyField(session, p, KeyPurpose::Usage, this);
        connect(field, &KeyField::keyChanged, &session, &Session::refresh);
        m_fields << field;
        layout->addWidget(field);
    }
}

void UsageKeysPanel::load(const PageState& state)
{
    // An Admin sees whether a usage key is set and its state, and why the field is closed to them.
    const bool owner = state.role == Role::Owner;
    const QString why = owner || !canAdminister(state.role) ? QString() : tr("Only an Owner can change a usage key.");
    for (KeyField* f : qAsConst(m_fields))
        f->showScope({}, state.keys.value(f->provider().id), state.timeZone, owner, why);
}

} // namespace Ui
