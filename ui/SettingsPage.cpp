#include "SettingsPage.h"

#include "ByokPanel.h"
#include "CreditCostsPanel.h"
#include "CreditsPanel.h"
#include "ModelsPanel.h"
#include "NoWheelComboBox.h"
#include "RateLimitPanel.h"
#include "Session.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>

namespace Ui {

SettingsPage::SettingsPage(Session& session, QWidget* parent)
    : QScrollArea(parent), m_session(session), m_tenantCombo(new NoWheelComboBox), m_readOnlyLabel(new QLabel),
      m_credits(new CreditsPanel(session)), m_costs(new CreditCostsPanel(session)), m_byok(new ByokPanel(session)),
      m_models(new ModelsPanel(session)), m_rateLimit(new RateLimitPanel(session))
{
    setObjectName(QStringLiteral("settingsPage"));
    setWidgetResizable(true);
    setFrameShape(QFrame::NoFrame);
    auto* content = new QWidget;
    auto* layout = new QVBoxLayout(content);
    layout->setSpacing(14);

    auto* title = new QLabel(tr("<h2>Settings › AI</h2>"));
    auto* showing = new QLabel(tr("&Showing:"));
    showing->setBuddy(m_tenantCombo);
    m_tenantCombo->setObjectName(QStringLiteral("tenantCombo"));
    m_tenantCombo->setAccessibleName(tr("Install or tenant shown"));
    m_tenantCombo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    auto* header = new QHBoxLayout;
    header->addWidget(title);
    header->addStretch();
    header->addWidget(showing);
    header->addWidget(m_tenantCombo);
    layout->addLayout(header);

    m_readOnlyLabel->setObjectName(QStringLiteral("readOnlyLabel"));
    m_readOnlyLabel->setWordWrap(true);
    m_readOnlyLabel->setTextFormat(Qt::PlainText);
    m_readOnlyLabel->setFrameShape(QFrame::StyledPanel);
    m_readOnlyLabel->setMargin(6);
    layout->addWidget(m_readOnlyLabel);

    for (QWidget* section : {static_cast<QWidget*>(m_credits), static_cast<QWidget*>(m_costs),
                             static_cast<QWidget*>(m_byok), static_cast<QWidget*>(m_models),
                             static_cast<QWidget*>(m_rateLimit)}) {
        // Sections keep their natural height; space left over goes below the last one.
        section->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum);
        layout->addWidget(section);
    }
    layout->addStretch();
    setWidget(content);

    connect(m_tenantCombo, &QComboBox::activated, this, &SettingsPage::showSelection);
    connect(&session, &Session::changed, this, &SettingsPage::reload);
    reload();
}

QString SettingsPage::selectedTenant() const
{
    return m_tenantCombo->currentData().toString();
}

void SettingsPage::reloadTenants()
{
    const QString selected = selectedTenant();
    m_tenantCombo->clear();
    m_tenantCombo->addItem(tr("Whole install"), QString());
    const auto tenants = m_session.ledger().directory().tenants();
    if (tenants) {
        for (const Tenant& t : tenants.value())
            m_tenantCombo->addItem(t.name.isEmpty() || t.name == t.id ? t.id : tr("%1 (%2)").arg(t.name, t.id), t.id);
    }
    // A tenant removed elsewhere falls back to the whole install.
    m_tenantCombo->setCurrentIndex(qMax(0, m_tenantCombo->findData(selected)));
}

void SettingsPage::reload()
{
    reloadTenants();
    const bool viewer = !m_session.canAdminister();
    m_readOnlyLabel->setText(
        tr("You are %1, a %2 of this database: you can review credits and keys, but only an Owner or Admin can change "
           "keys and models.")
            .arg(m_session.ledger().userName(), roleLabel(m_session.role())));
    m_readOnlyLabel->setVisible(viewer);
    showSelection();
}

void SettingsPage::showSelection()
{
    const QString tenant = selectedTenant();
    m_credits->showTenant(tenant);
    m_costs->showTenant(tenant);
    m_byok->showTenant(tenant);
    m_models->reload();
    m_rateLimit->showTenant(tenant);
}

} // namespace Ui
