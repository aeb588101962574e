#include "sections/ByokPanel.h"

#include "keys/KeychainDoctor.h"
#include "sections/KeyField.h"
#include "session/Session.h"
#include "words/KeySentences.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace Ui {

ByokPanel::ByokPanel(Session& session, QWidget* parent)
    : QGroupBox(tr("Bring Your Own Key"), parent), m_session(session), m_scopeLabel(new QLabel(this)),
      m_inForceLabel(new QLabel(this)), m_keychainLabel(new QLabel(this)),
      m_keychainButton(new QPushButton(tr("Check Keychain"), this)), m_doctor(new KeychainDoctor(this))
{
    setObjectName(QStringLiteral("byokPanel"));
    auto* layout = new QVBoxLayout(this);
    auto* intro = new QLabel(tr("Use your own provider keys: actions covered by an active key cost no AI credits. "
                                "Usage on your own key is billed by the provider directly and does not pass through "
                                "this install's credits. Keys are kept in the system keychain and are never shown "
                                "again."),
                             this);
    intro->setObjectName(QStringLiteral("byokIntroLabel"));
    intro->setWordWrap(true);
    layout->addWidget(intro);
    m_scopeLabel->setObjectName(QStringLiteral("keyScopeLabel"));
    layout->addWidget(m_scopeLabel);
    for (const Provider& p : session.catalog().providers()) {
        auto* field = new KeyField(session, p, KeyPurpose::Inference, this);
        connect(field, &KeyField::keyChanged, &session, &Session::refresh);
        m_fields << field;
        layout->addWidget(field);
    }
    m_inForceLabel->setObjectName(QStringLiteral("keyInForceLabel"));
    m_inForceLabel->setWordWrap(true);
    m_inForceLabel->setTextFormat(Qt::PlainText);
    layout->addWidget(m_inForceLabel);

    // Where keys are kept: whether the keychain answers, and if not, the one fix that applies.
    m_keychainLabel->setObjectName(QStringLiteral("keychainStatusLabel"));
    m_keychainLabel->setWordWrap(true);
    m_keychainLabel->setTextFormat(Qt::PlainText);
    m_keychainLabel->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_keychainButton->setObjectName(QStringLiteral("keychainCheckButton"));
    m_keychainButton->setAccessibleName(tr("Check the keychain again"));
    auto* keychain = new QHBoxLayout;
    keychain->addWidget(m_keychainLabel, 1);
    keychain->addWidget(m_keychainButton, 0, Qt::AlignTop);
    layout->addLayout(keychain);
    connect(m_keychainButton, &QPushButton::clicked, this, &ByokPanel::checkKeychain);
    connect(m_doctor, &KeychainDoctor::finished, this, [this](const KeychainDoctor::Diagnosis& d) {
        m_keychainLabel->setText(d.works() ? KeychainDoctor::verdict(d)
                                           : tr("⚠ Keychain: %1").arg(KeychainDoctor::verdict(d)));
        m_keychainButton->setEnabled(true);
    });
}

void ByokPanel::showEvent(QShowEvent* event)
{
    QGroupBox::showEvent(event);
    if (!m_keychainChecked)
        checkKeychain();
}

void ByokPanel::checkKeychain()
{
    m_keychainChecked = true;
    m_keychainButton->setEnabled(false);
    m_keychainLabel->setText(tr("Keychain: checking…"));
    m_doctor->start();
}

void ByokPanel::load(const PageState& state)
{
    const QString& tenant = state.tenant;
    const QString planName = state.settings.planNow->name;
    const bool planAllows = state.settings.planNow->tenantKeys;
    const bool may = canAdminister(state.role);
    // A Viewer's fields are simply disabled: the page's read-only line says why.
    QString whyNoNewKey;
    if (may && !tenant.isEmpty() && !planAllows)
        whyNoNewKey = tr("Tenant keys need the Professional or Enterprise plan; on %1 this tenant uses the install's "
                         "key or credits.")
                          .arg(planName);
    m_scopeLabel->setText(tenant.isEmpty()
                              ? tr("Keys for the whole install (used by every tenant without its own key).")
                              : tr("Keys for tenant %1 only.").arg(tenant));
    for (KeyField* f : qAsConst(m_fields))
        f->showScope(tenant, state.keys.value(f->provider().id), state.timeZone, may, whyNoNewKey);

    QStringList lines;
    for (const Provider& p : m_session.catalog().providers())
        lines << KeySentences::inForce(p, state.keys.value(p.id).inForce);
    m_inForceLabel->setText(lines.join(QLatin1Char('\n')));
}

} // namespace Ui
