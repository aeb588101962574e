#include "sections/CreditCostsPanel.h"

#include "session/Session.h"
#include "widgets/Tables.h"
#include "words/UsageSentences.h"

#include <QTableWidget>
#include <QVBoxLayout>

namespace Ui {

CreditCostsPanel::CreditCostsPanel(Session& session, QWidget* parent)
    : QGroupBox(tr("Credit Costs"), parent), m_session(session),
      m_table(Tables::create({UsageSentences::breakdownHeadings().first(), tr("Description"), tr("Base"),
                              UsageSentences::costNowHeading()},
                             1, this))
{
    setObjectName(QStringLiteral("creditCostsPanel"));
    m_table->setObjectName(QStringLiteral("creditCostsTable"));
    m_table->setAccessibleName(tr("Credit cost of each action"));
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_table);
}

void CreditCostsPanel::load(const PageState& state)
{
    QList<QStringList> rows;
    for (const ActionCost& c : state.costs) {
        QString now = UsageSentences::credits(c.credits);
        if (c.model)
            now += c.model->multiplier != 1 ? tr(" (%1, ×%2)").arg(c.model->name).arg(c.model->multiplier)
                                            : tr(" (%1)").arg(c.model->name);
        if (c.coveredByKey)
            now = tr("0 credits (your %1 key; %2 otherwise)")
                      .arg(m_session.catalog().provider(c.action->provider)->name)
                      .arg(c.credits);
        if (!c.refusedBecause.isEmpty())
            now = UsageSentences::costRefused(
                c.refusedBecause); // what `record` would answer, not a price it would not charge
        rows << QStringList{shownText(c.action->name), shownText(c.action->description),
                            QString::number(c.action->baseCredits), now};
    }
    Tables::fill(m_table, rows, {2});
}

} // namespace Ui
