#pragma once

#include <QHash>
#include <QWidget>

class QFrame;
class QLabel;
class QProgressBar;
class QPushButton;

namespace Ui {

class Session;
class StatusBadge;

// The first questions at a glance, each linking to its section: credits used and left with the bar and the reset,
// any warning, each provider key's badge, the models in force and the rate-limit standing. On a ledger with no
// usage and no keys it says what to do first instead.
class OverviewPanel : public QWidget
{
    Q_OBJECT

public:
    explicit OverviewPanel(Session& session, QWidget* parent = nullptr);

    void showTenant(const QString& tenant);

signals:
    // A "details" link: the section to show ("usage", "keys", …).
    void sectionRequested(const QString& name);
    void importRequested();

private:
    QPushButton* link(const QString& text, const QString& section, const QString& objectName);
    void showCredits();
    void showKeys();
    void showModels();
    void showRateLimit();
    void showFirstSteps();

    Session& m_session;
    QString m_tenant;
    QLabel* m_usedLabel;
    QProgressBar* m_bar;
    QLabel* m_remainingLabel;
    QLabel* m_warningLabel;
    QHash<QString, StatusBadge*> m_badges; // provider id -> its badge
    QHash<QString, QLabel*> m_keyLabels;   // provider id -> what the badge is about
    QLabel* m_modelsLabel;
    QLabel* m_rateLabel;
    QFrame* m_firstSteps;
    QLabel* m_firstStepsLabel;
    QWidget* m_firstStepsActions;
};

} // namespace Ui
