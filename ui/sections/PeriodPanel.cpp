#include "sections/PeriodPanel.h"

#include "session/Session.h"
#include "widgets/Outcome.h"
#include "widgets/SettingField.h"
#include "words/AdminSentences.h"
#include "words/UsageSentences.h"

#include <QFormLayout>
#include <QLabel>

namespace Ui {

PeriodPanel::PeriodPanel(Session& session, QWidget* parent)
    : QGroupBox(tr("Billing Period"), parent), m_session(session),
      m_day(new SettingField(*Settings::declaration(session.catalog(), Settings::anchorDay()), this)),
      m_zone(new SettingField(*Settings::declaration(session.catalog(), Settings::timeZone()), this)),
      m_pendingLabel(new QLabel(this)), m_outcomeLabel(Outcome::label(QStringLiteral("periodOutcomeLabel"), this))
{
    setObjectName(QStringLiteral("periodPanel"));
    m_pendingLabel->setObjectName(QStringLiteral("pendingPeriodLabel"));
    m_pendingLabel->setWordWrap(true);
    m_pendingLabel->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);

    auto* form = new QFormLayout(this);
    form->setFieldGrowthPolicy(QFormLayout::FieldsStayAtSizeHint);
    for (const SettingField* field : {m_day, m_zone}) {
        form->addRow(field->label(), field->widget());
        connect(field, &SettingField::edited, this, &PeriodPanel::noteChange);
        connect(field, &SettingField::entered, this, [this] {
            if (isDirty())
                applyRequested();
        });
    }
    form->addRow(m_pendingLabel);
    form->addRow(m_outcomeLabel);
}

void PeriodPanel::setReadOnly(const QString& reason)
{
    m_day->setReadOnly(reason);
    m_zone->setReadOnly(reason);
}

void PeriodPanel::load(const PageState& state)
{
    m_day->load(QString::number(state.settings.anchorDay));
    m_zone->load(state.settings.timeZone);
    const QString pending = UsageSentences::pendingCalendar(state.installRunning);
    m_pendingLabel->setText(pending);
    m_pendingLabel->setVisible(!pending.isEmpty());
    noteChange();
}

QString PeriodPanel::shownPeriod() const
{
    return m_day->shown() + QLatin1Char(' ') + m_zone->shown();
}

bool PeriodPanel::isDirty() const
{
    return m_day->isDirty() || m_zone->isDirty();
}

void PeriodPanel::discard()
{
    m_day->discard();
    m_zone->discard();
    noteChange();
}

void PeriodPanel::noteChange()
{
    if (shownPeriod() != m_outcomeFor)
        m_outcomeLabel->hide();
    dirtyMayHaveChanged();
}

// The periods before and after the change, said before it is made; a day or zone that cannot be applied is said
// by apply().
QString PeriodPanel::confirmation() const
{
    const auto preview = m_session.ledger().previewBillingCalendar(m_day->shown().toInt(), m_zone->shown());
    if (!preview || !preview->changed)
        return {};
    return AdminSentences::calendarChoice(preview.value(), m_session.ledger().now(), false);
}

Status PeriodPanel::apply()
{
    const int day = m_day->shown().toInt();
    const QString zone = m_zone->shown();
    m_outcomeFor = shownPeriod();
    const auto chosen = m_session.ledger().setBillingCalendar(day, zone);
    const Status s = chosen ? success() : Status(chosen.failure());
    if (Outcome::show(m_outcomeLabel, s,
                      chosen ? AdminSentences::calendarChoice(chosen.value(), m_session.ledger().now(), true)
                             : QString())) {
        m_day->markApplied();
        m_zone->markApplied();
        noteChange();
        m_session.refresh();
    }
    return s;
}

} // namespace Ui
