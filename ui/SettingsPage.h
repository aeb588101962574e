#pragma once

#include <QScrollArea>

class QLabel;

namespace Ui {

class ByokPanel;
class CreditCostsPanel;
class CreditsPanel;
class ModelsPanel;
class NoWheelComboBox;
class RateLimitPanel;
class Session;

// The Settings > AI page: a tenant selector over the five sections, scrolling as a whole. Every section reads
// again whenever the session says something changed.
class SettingsPage : public QScrollArea
{
    Q_OBJECT

public:
    explicit SettingsPage(Session& session, QWidget* parent = nullptr);

    // Re-reads everything: tenants, role, and each section for the selected tenant.
    void reload();
    QString selectedTenant() const;

    CreditsPanel* credits() const { return m_credits; }
    ModelsPanel* models() const { return m_models; }
    ByokPanel* byok() const { return m_byok; }

private:
    void reloadTenants();
    void showSelection();

    Session& m_session;
    NoWheelComboBox* m_tenantCombo;
    QLabel* m_readOnlyLabel;
    CreditsPanel* m_credits;
    CreditCostsPanel* m_costs;
    ByokPanel* m_byok;
    ModelsPanel* m_models;
    RateLimitPanel* m_rateLimit;
};

} // namespace Ui
