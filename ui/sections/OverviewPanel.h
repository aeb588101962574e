#pragma once

#include "sections/PagePart.h"

#include <QHash>
#include <QWidget>

class QFrame;
class QLabel;
class QProgressBar;
class QPushButton;

namespace Ui {

class Session;
class PeriodBar;
class StatusBadge;

// The first questions at a glance, each linking to its section: credits used and left with the bar and the reset,
// any warning, each provider key's badge, the models in force and the rate-limit standing. On a ledger with no
// usage and no keys it says what to do first instead.
class OverviewPanel : public QWidget, public PagePart
{
    Q_OBJECT

public:
    explicit OverviewPanel(Session& session, QWidget* parent = nullptr);

    void load(const PageState& state) override;

signals:
    // A "details" link: the section to show ("usage", "keys", …).
    void sectionRequested(const QString& name);
    void importRequested();

private:
    QPushButton* link(const QString& text, const QString& section, const QString& objectName);
    void showCredits(const PageState& state);
    void showKeys(const PageState& state);
    void showModels(const PageState& state);
    void showRateLimit(const PageState& state);
    void showFirstSteps(const PageState& state);

    Session& m_session;
    QLabel* m_usedLabel;
    PeriodBar* m_bar;
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
