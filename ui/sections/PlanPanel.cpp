#include "sections/PlanPanel.h"

#include "session/Session.h"
#include "widgets/Ask.h"
#include "widgets/Outcome.h"
#include "widgets/SettingField.h"
#include "widgets/Tables.h"
#include "words/AdminSentences.h"
#include "words/UsageSentences.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QTableWidget>
#include <QVBoxLayout>

namespace Ui {

PlanPanel::PlanPanel(Session& session, QWidget* parent)
    : QGroupBox(tr("Plan"), parent), m_session(session),
      m_plan(new SettingField(*Settings::declaration(session.catalog(), Settings::plan()), this)),
      m_effectLabel(new QLabel(this)), m_typicalLabel(new QLabel(this)), m_mixTable(nullptr),
      m_outcomeLabel(Outcome::label(QStringLiteral("planOutcomeLabel"), this))
{
    setObjectName(QStringLiteral("planPanel"));
    for (QLabel* l : {m_effectLabel, m_typicalLabel}) {
        l->setWordWrap(true);
        l->setTextFormat(Qt::PlainText);
    }
    m_effectLabel->setObjectName(QStringLiteral("planEffectLabel"));
    m_typicalLabel->setObjectName(QStringLiteral("typicalUsageLabel"));
    m_mixTable = Tables::create({tr("Action"), tr("Typical"), QString(), QString(), QString()}, 0, this);
    m_mixTable->setObjectName(QStringLiteral("usageMixTable"));
    m_mixTable->setAccessibleName(tr("Typical usage of the plan and runs in the last three periods"));

    auto* row = new QHBoxLayout;
    row->addWidget(m_plan->label());
    row->addWidget(m_plan->widget(), 1);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(row);
    layout->addWidget(m_effectLabel);
    layout->addWidget(m_outcomeLabel);
    layout->addWidget(m_typicalLabel);
    layout->addWidget(m_mixTable);

    connect(m_plan, &SettingField::edited, this, &PlanPanel::explainChoice);
}

bool PlanPanel::mayEdit(Role role) const
{
    const auto plan = Settings::declaration(m_session.catalog(), Settings::plan());
    return plan && Settings::mayChange(*plan, role);
}

void PlanPanel::setReadOnly(const QString& reason)
{
    m_readOnly = reason;
    m_plan->setReadOnly(reason);
    explainChoice();
}

void PlanPanel::load(const PageState& state)
{
    m_state = state;
    const bool owner = canChangePlan(state.role);
    // The Owner edits the plan set (a downgrade waits for the next period); everyone else is shown the plan in
    // force. Either way the sentence beside it says both.
    m_plan->load(owner ? state.settings.plan->id : state.settings.planNow->id);
    explainChoice();
}

// What choosing the plan shown would do, said before it is done.
void PlanPanel::explainChoice()
{
    const Plan* chosen = m_session.catalog().plan(m_plan->shown());
    dirtyMayHaveChanged();
    if (m_plan->shown() != m_outcomeFor)
        m_outcomeLabel->hide();
    if (!m_state || !chosen)
        return;
    const Plan& now = *m_state->settings.planNow;
    const bool same = chosen->id == m_plan->applied();
    if (same) {
        // The plan in force and the one waiting for the next period, for every role.
        QStringList said{AdminSentences::installPlan(m_state->settings),
                         UsageSentences::pendingPlan(m_state->installRunning)};
        said << m_readOnly;
        said.removeAll(QString());
        m_effectLabel->setText(said.join(QLatin1Char(' ')));
    } else if (PlanHistory::takesEffectAtOnce(now, *chosen))
        m_effectLabel->setText(tr("An upgrade takes effect at once: this period's allocation becomes %1.")
                                   .arg(UsageSentences::credits(chosen->monthlyCredits)));
    else
        m_effectLabel->setText(tr("A downgrade takes effect at the next period; this period keeps its allocation."));
    m_typicalLabel->setText(AdminSentences::typicalMonth(*chosen, m_session.catalog()));
    showMix(*chosen);
}

bool PlanPanel::isDirty() const
{
    return m_plan->isDirty();
}

void PlanPanel::discard()
{
    m_plan->discard();
    explainChoice();
}

QString PlanPanel::confirmation() const
{
    const Plan* chosen = m_session.catalog().plan(m_plan->shown());
    if (!m_state || !chosen)
        return {};
    return tr("The plan changes from %1 to %2. %3")
        .arg(m_state->settings.plan->name, chosen->name, m_effectLabel->text());
}

Status PlanPanel::apply()
{
    const auto before = m_session.ledger().settings().current();
    const Plan* chosen = m_session.catalog().plan(m_plan->shown());
    if (!before)
        return before.failure();
    if (!chosen)
        return badInput(tr("Choose one of the plans in the list."));
    m_outcomeFor = chosen->id;
    Status s = m_session.ledger().settings().setPlan(chosen->id);
    QString done;
    if (s) {
        const auto running = m_session.ledger().usage().report(std::nullopt, std::nullopt);
        if (running)
            done = UsageSentences::planChanged(*before->plan, *chosen, running.value()) + QLatin1Char(' ') +
                   UsageSentences::pendingPlan(running.value());
        else
            s = running.failure();
    }
    if (Outcome::show(m_outcomeLabel, s, done.trimmed())) {
        m_plan->markApplied();
        explainChoice();
        m_session.refresh();
    }
    return s;
}

// Runs per action: the plan's typical month beside the running period and the two before it.
void PlanPanel::showMix(const Plan& plan)
{
    const Catalog& catalog = m_session.catalog();
    // The running period and the two before it, by the calendar in force then.
    QStringList headers{tr("Action"), tr("Typical")};
    const QVector<UsageReport> reports = m_state->recent;
    for (const UsageReport& r : reports) {
        const QString month = QLocale().toString(r.period.firstDay, tr("MMM yyyy", "a period in a column heading"));
        headers << (r.finished ? month : tr("%1 (so far)").arg(month));
    }
    m_mixTable->setColumnCount(int(headers.size()));
    m_mixTable->setHorizontalHeaderLabels(headers);
    const QLocale locale;
    QList<QStringList> rows;
    for (qsizetype i = 0; i < catalog.actions().size(); ++i) {
        const Action& a = catalog.actions()[i];
        QString typical = QStringLiteral("–");
        for (const auto& [id, runs] : plan.typical)
            if (id == a.id)
                typical = locale.toString(runs);
        QStringList row{shownText(a.name), typical};
        for (const UsageReport& r : reports)
            row << locale.toString(r.byAction[i].runs);
        rows << row;
    }
    Tables::fill(m_mixTable, rows, {1, 2, 3, 4});
}

} // namespace Ui
