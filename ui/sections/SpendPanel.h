#pragma once

#include "sections/PagePart.h"

#include <QGroupBox>
#include <QHash>

class QComboBox;
class QLabel;
class QPushButton;
class QTableWidget;

namespace Ui {

class Session;

// What the BYOK keys cost by the providers' own reports (read with the usage keys, kept in the ledger, shown
// offline with the time of the last sync): per provider, whose key and which model, tokens by kind, per day, beside
// the credits the same runs would have cost, and the days where the ledger and the provider disagree. An Owner or
// Admin syncs now; the window syncs by itself as it opens when the last sync is older than an hour.
class SpendPanel : public QGroupBox, public PagePart
{
    Q_OBJECT

public:
    explicit SpendPanel(Session& session, QWidget* parent = nullptr);

    void load(const PageState& state) override;
    // The books are read only while they are shown: they group the period's BYOK runs.
    void ask(PageRequest& request) const override;

private:
    struct ProviderPart
    {
        QLabel* heading = nullptr;
        QTableWidget* models = nullptr;
        QLabel* holders = nullptr;
        class DailyChart* chart = nullptr;
        QTableWidget* days = nullptr;
    };
    void syncNow();
    void showSyncing(bool syncing);

    Session& m_session;
    QComboBox* m_periodCombo;
    QPushButton* m_syncButton;
    QPushButton* m_cancelButton;
    QLabel* m_statusLabel;
    QLabel* m_findingsLabel;
    QHash<QString, ProviderPart> m_providers;
    PageState m_shown; // what the last load showed: the usage keys and the last syncs, for a sync asked for
};

} // namespace Ui
