#pragma once

#include "model/Usage.h"
#include "sections/PagePart.h"

#include <QGroupBox>

class QLabel;
class QProgressBar;
class QPushButton;
class QTableWidget;

namespace Ui {

class DailyChart;
class Session;

// AI Credits: the plan, how much of the month's pool is used, what is left and when it resets, where the
// credits went by action and by day, and what the rest still buys. Steps back through earlier periods for
// offline review.
class CreditsPanel : public QGroupBox, public PagePart
{
    Q_OBJECT

public:
    explicit CreditsPanel(Session& session, QWidget* parent = nullptr);

    // The running period from the page's state, or, when the user stepped back, that period.
    void load(const PageState& state) override;
    void ask(PageRequest& request) const override;
    // A period id ("2026-11", "2026-12-01"); empty: the running period. Shown once the page has read it.
    void showPeriod(const QString& periodId);
    QString periodId() const { return m_periodId; }

private:
    void step(int periods);
    void showPast(const UsageReport& report, const QVector<DayUsage>& days);
    void showReport(const UsageReport& report, bool current);
    QString estimate(const UsageReport& report) const;

    Session& m_session;
    std::optional<PageState> m_state;
    QString m_periodId;
    BillingPeriod m_shown; // the period shown, to step from
    QPushButton* m_previousButton;
    QPushButton* m_nextButton;
    QPushButton* m_currentButton;
    QLabel* m_periodLabel;
    QLabel* m_planLabel;
    QLabel* m_usedLabel;
    QProgressBar* m_progressBar;
    QLabel* m_alertBanner;
    QLabel* m_remainingLabel;
    QLabel* m_notesLabel;
    QLabel* m_forecastLabel;
    QTableWidget* m_breakdownTable;
    DailyChart* m_chart;
    QLabel* m_estimateLabel;
};

} // namespace Ui
