#include "sections/CreditsPanel.h"

#include "session/Session.h"
#include "widgets/AlertStyle.h"
#include "widgets/DailyChart.h"
#include "widgets/DailyChartAccessible.h"
#include "widgets/Tables.h"
#include "words/UsageSentences.h"

#include <QDateTime>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QTableWidget>
#include <QTimeZone>
#include <QVBoxLayout>

namespace Ui {

namespace {

QLabel* wrappingLabel(const char* name, QWidget* parent)
{
    auto* label = new QLabel(parent);
    label->setObjectName(QLatin1String(name));
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    return label;
}

// The chart's accessible interface is installed before the chart exists (setting its name asks for one), so that
// assistive technology sees a chart of days.
DailyChart* newDailyChart(QWidget* parent)
{
    DailyChartAccessible::installFactory();
    return new DailyChart(parent);
}

} // namespace

CreditsPanel::CreditsPanel(Session& session, QWidget* parent)
    : QGroupBox(tr("AI Credits"), parent), m_session(session), m_previousButton(new QPushButton(tr("◀ Earlier"), this)),
      m_nextButton(new QPushButton(tr("Later ▶"), this)), m_currentButton(new QPushButton(tr("Current Period"), this)),
      m_periodLabel(wrappingLabel("periodLabel", this)), m_planLabel(wrappingLabel("planLabel", this)),
      m_usedLabel(wrappingLabel("usedLabel", this)), m_progressBar(new QProgressBar(this)),
      m_alertBanner(wrappingLabel("alertBanner", this)), m_remainingLabel(wrappingLabel("remainingLabel", this)),
      m_notesLabel(wrappingLabel("creditNotesLabel", this)), m_forecastLabel(wrappingLabel("forecastLabel", this)),
      m_breakdownTable(Tables::create(UsageSentences::breakdownHeadings(), 0, this)), m_chart(newDailyChart(this)),
      m_estimateLabel(wrappingLabel("estimateLabel", this))
{
    setObjectName(QStringLiteral("creditsPanel"));
    m_previousButton->setObjectName(QStringLiteral("previousPeriodButton"));
    m_previousButton->setAccessibleName(tr("Show the previous billing period"));
    m_nextButton->setObjectName(QStringLiteral("nextPeriodButton"));
    m_nextButton->setAccessibleName(tr("Show the next billing period"));
    m_currentButton->setObjectName(QStringLiteral("currentPeriodButton"));
    m_currentButton->setAccessibleName(tr("Show the running billing period"));
    m_progressBar->setObjectName(QStringLiteral("creditsProgressBar"));
    m_progressBar->setAccessibleName(tr("AI credits used"));
    m_progressBar->setMinimumHeight(fontMetrics().height());
    m_progressBar->setTextVisible(false);
    m_usedLabel->setBuddy(m_progressBar);
    m_alertBanner->setAccessibleName(tr("Credits warning"));
    m_breakdownTable->setObjectName(QStringLiteral("breakdownTable"));
    m_breakdownTable->setAccessibleName(tr("Credits used by action"));
    m_chart->setObjectName(QStringLiteral("dailyChart"));
    QFont bigger = m_planLabel->font();
    bigger.setPointSizeF(bigger.pointSizeF() * 1.15);
    bigger.setBold(true);
    m_planLabel->setFont(bigger);

    auto* periodRow = new QHBoxLayout;
    periodRow->addWidget(m_previousButton);
    periodRow->addWidget(m_periodLabel, 1);
    periodRow->addWidget(m_currentButton);
    periodRow->addWidget(m_nextButton);
    m_periodLabel->setAlignment(Qt::AlignCenter);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(periodRow);
    layout->addWidget(m_planLabel);
    layout->addWidget(m_usedLabel);
    layout->addWidget(m_progressBar);
    layout->addWidget(m_alertBanner);
    layout->addWidget(m_remainingLabel);
    layout->addWidget(m_forecastLabel);
    layout->addWidget(m_notesLabel);
    layout->addWidget(new QLabel(tr("<b>By action</b>"), this));
    layout->addWidget(m_breakdownTable);
    layout->addWidget(new QLabel(tr("<b>By day</b>"), this));
    layout->addWidget(m_chart);
    layout->addWidget(m_estimateLabel);

    connect(m_previousButton, &QPushButton::clicked, this, [this] { step(-1); });
    connect(m_nextButton, &QPushButton::clicked, this, [this] { step(1); });
    connect(m_currentButton, &QPushButton::clicked, this, [this] { showPeriod({}); });
}

void CreditsPanel::load(const PageState& state)
{
    m_state = state;
    if (state.past)
        return showPast(*state.past, state.pastDays);
    m_periodId.clear(); // a read asked before the step back, or the step back is over
    m_previousButton->setEnabled(state.running.period.start > state.firstPeriodStart);
    m_nextButton->setEnabled(false);
    m_currentButton->setEnabled(false);
    m_shown = state.running.period;
    showReport(state.running, true);
    m_chart->setDays(state.days);
}

void CreditsPanel::ask(PageRequest& request) const
{
    request.period = m_periodId;
}

void CreditsPanel::showPeriod(const QString& periodId)
{
    m_periodId = periodId;
    readWanted();
}

// By the calendar in force at each period, through its changes.
void CreditsPanel::step(int periods)
{
    if (!m_state)
        return;
    const BillingCalendar calendar = m_state->calendar.calendar();
    const BillingPeriod p = periods < 0 ? calendar.preceding(m_shown) : calendar.following(m_shown);
    showPeriod(p.start >= m_state->running.period.start ? QString() : p.id());
}

// A period the user stepped back to, read with the page's state.
void CreditsPanel::showPast(const UsageReport& report, const QVector<DayUsage>& days)
{
    m_previousButton->setEnabled(report.period.start > m_state->firstPeriodStart);
    m_nextButton->setEnabled(true);
    m_currentButton->setEnabled(true);
    m_shown = report.period;
    showReport(report, false);
    m_chart->setDays(days);
}

void CreditsPanel::showReport(const UsageReport& r, bool current)
{
    const QLocale locale;
    m_periodLabel->setText(
        tr("%1 – %2").arg(UsageSentences::dateText(r.period.firstDay), UsageSentences::dateText(r.period.lastDay)));
    m_planLabel->setText(tr("%1 plan · %2 credits a month").arg(r.plan->name, locale.toString(r.allocation)));

    // The words are the command line's (UsageSentences); only the layout differs.
    m_usedLabel->setText(UsageSentences::used(r));
    m_progressBar->setRange(0, int(qMax<qint64>(1, r.allocation)));
    m_progressBar->setValue(int(qMin(r.poolUsed, r.allocation)));
    AlertStyle::showOnBar(m_progressBar, r.alertLevel);
    m_progressBar->setAccessibleDescription(UsageSentences::used(r));

    AlertStyle::showOnBanner(m_alertBanner, r.alertLevel, UsageSentences::warning(r));

    m_remainingLabel->setText(UsageSentences::remaining(r));
    const QString forecast = UsageSentences::forecast(r);
    m_forecastLabel->setText(forecast);
    m_forecastLabel->setVisible(!forecast.isEmpty());
    QStringList notes;
    for (const QString& line : {UsageSentences::tenantShare(r), UsageSentences::overPlan(r),
                                UsageSentences::pendingPlan(r), UsageSentences::pendingCalendar(r)})
        if (!line.isEmpty())
            notes << line;
    m_notesLabel->setText(notes.join(QLatin1Char('\n')));
    m_notesLabel->setVisible(!notes.isEmpty());

    QList<QStringList> rows;
    qint64 runs = 0, credits = 0, byok = 0;
    for (const ActionUsage& a : r.byAction) {
        rows << QStringList{shownText(m_session.catalog().action(a.action)->name), locale.toString(a.runs),
                            locale.toString(a.credits), locale.toString(a.byokRuns)};
        runs += a.runs;
        credits += a.credits;
        byok += a.byokRuns;
    }
    rows << QStringList{tr("Total"), locale.toString(runs), locale.toString(credits), locale.toString(byok)};
    Tables::fill(m_breakdownTable, rows, {1, 2, 3});
    QFont bold = m_breakdownTable->font();
    bold.setBold(true);
    for (int c = 0; c < m_breakdownTable->columnCount(); ++c) {
        QTableWidgetItem* total = m_breakdownTable->item(int(rows.size()) - 1, c);
        total->setFont(bold);
        total->setData(Qt::AccessibleDescriptionRole, tr("Total of all actions")); // not another action
    }

    m_estimateLabel->setText(current ? estimate(r) : QString());
    m_estimateLabel->setVisible(current);
}

// The seed's "what you can do each month", turned around: what the remaining credits still buy, action by
// action, at the models chosen now. Actions an active key covers cost nothing and are named as such.
QString CreditsPanel::estimate(const UsageReport& r) const
{
    const QLocale locale;
    QStringList buys, free, refusedNow;
    for (const ActionCost& c : m_state->costs) {
        if (!c.refusedBecause.isEmpty())
            refusedNow << tr("%1 (%2)").arg(inSentence(c.action->name), c.refusedBecause);
        else if (c.coveredByKey)
            free << inSentence(c.action->name);
        else if (r.remaining >= c.credits) // "0 × trigger generation" buys nothing worth listing
            buys << tr("%1 × %2").arg(locale.toString(r.remaining / qMax(1, c.credits)), inSentence(c.action->name));
    }
    QString text;
    if (!buys.isEmpty())
        text = tr("The %1 remaining credits still buy, for example: %2.")
                   .arg(locale.toString(r.remaining), buys.join(QStringLiteral(", ")));
    if (!free.isEmpty())
        text += (text.isEmpty() ? QString() : QStringLiteral(" ")) +
                tr("With your own keys these cost no credits: %1.").arg(free.join(QStringLiteral(", ")));
    if (!refusedNow.isEmpty())
        text += (text.isEmpty() ? QString() : QStringLiteral(" ")) +
                tr("Refused until the key is fixed: %1.").arg(refusedNow.join(QStringLiteral(", ")));
    return text;
}

} // namespace Ui
