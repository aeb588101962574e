#include "sections/PeriodPanel.h"

#include "session/Session.h"
#include "widgets/Outcome.h"
#include "words/AdminSentences.h"
#include "words/UsageSentences.h"

#include <QComboBox>
#include <QCompleter>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <QTimeZone>

namespace Ui {

PeriodPanel::PeriodPanel(Session& session, QWidget* parent)
    : QGroupBox(tr("Billing Period"), parent), m_session(session), m_anchorSpin(new QSpinBox(this)),
      m_zoneCombo(new QComboBox(this)), m_pendingLabel(new QLabel(this)),
      m_outcomeLabel(Outcome::label(QStringLiteral("periodOutcomeLabel"), this))
{
    setObjectName(QStringLiteral("periodPanel"));
    m_anchorSpin->setObjectName(QStringLiteral("anchorDaySpin"));
    m_anchorSpin->setRange(1, 28); // BillingCalendar::isValidAnchorDay: every month has the day
    m_anchorSpin->setAccessibleName(tr("Reset day of the month"));
    m_zoneCombo->setObjectName(QStringLiteral("timeZoneCombo"));
    m_zoneCombo->setAccessibleName(tr("Time zone of the reset"));
    m_zoneCombo->setEditable(true);
    m_zoneCombo->setInsertPolicy(QComboBox::NoInsert);
    m_zoneCombo->lineEdit()->setAccessibleName(tr("Time zone of the reset"));
    for (const QByteArray& id : QTimeZone::availableTimeZoneIds())
        m_zoneCombo->addItem(QString::fromUtf8(id));
    m_zoneCombo->completer()->setCompletionMode(QCompleter::PopupCompletion);
    m_zoneCombo->completer()->setFilterMode(Qt::MatchContains);
    m_zoneCombo->completer()->setCaseSensitivity(Qt::CaseInsensitive);
    m_pendingLabel->setObjectName(QStringLiteral("pendingPeriodLabel"));
    m_pendingLabel->setWordWrap(true);
    m_pendingLabel->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);

    auto* form = new QFormLayout(this);
    form->setFieldGrowthPolicy(QFormLayout::FieldsStayAtSizeHint);
    form->addRow(tr("Credits reset on &day:"), m_anchorSpin);
    form->addRow(tr("In time &zone:"), m_zoneCombo);
    form->addRow(m_pendingLabel);
    form->addRow(m_outcomeLabel);

    connect(m_anchorSpin, &QSpinBox::valueChanged, this, &PeriodPanel::noteChange);
    connect(m_zoneCombo, &QComboBox::currentTextChanged, this, &PeriodPanel::noteChange);
    connect(m_zoneCombo->lineEdit(), &QLineEdit::returnPressed, this, [this] {
        if (isDirty())
            applyRequested();
    });
}

void PeriodPanel::setReadOnly(const QString& reason)
{
    for (QWidget* w : std::initializer_list<QWidget*>{m_anchorSpin, m_zoneCombo}) {
        w->setEnabled(reason.isEmpty());
        w->setToolTip(reason);
    }
}

void PeriodPanel::load(const PageState& state)
{
    const bool editing = isDirty();
    m_appliedDay = state.settings.anchorDay;
    m_appliedZone = state.settings.timeZone;
    const QString pending = UsageSentences::pendingCalendar(state.installRunning);
    m_pendingLabel->setText(pending);
    m_pendingLabel->setVisible(!pending.isEmpty());
    if (!editing)
        discard();
    noteChange();
}

QString PeriodPanel::shownPeriod() const
{
    return QString::number(m_anchorSpin->value()) + QLatin1Char(' ') + m_zoneCombo->currentText().trimmed();
}

bool PeriodPanel::isDirty() const
{
    return m_appliedDay != 0 &&
           (m_anchorSpin->value() != m_appliedDay || m_zoneCombo->currentText().trimmed() != m_appliedZone);
}

void PeriodPanel::discard()
{
    {
        const QSignalBlocker quietDay(m_anchorSpin), quietZone(m_zoneCombo);
        m_anchorSpin->setValue(m_appliedDay);
        m_zoneCombo->setCurrentText(m_appliedZone);
    }
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
    const auto preview =
        m_session.ledger().previewBillingCalendar(m_anchorSpin->value(), m_zoneCombo->currentText().trimmed());
    if (!preview || !preview->changed)
        return {};
    return AdminSentences::calendarChoice(preview.value(), m_session.ledger().now(), false);
}

Status PeriodPanel::apply()
{
    const int day = m_anchorSpin->value();
    const QString zone = m_zoneCombo->currentText().trimmed();
    m_outcomeFor = shownPeriod();
    const auto chosen = m_session.ledger().setBillingCalendar(day, zone);
    const Status s = chosen ? success() : Status(chosen.failure());
    if (Outcome::show(m_outcomeLabel, s,
                      chosen ? AdminSentences::calendarChoice(chosen.value(), m_session.ledger().now(), true)
                             : QString())) {
        m_appliedDay = day;
        m_appliedZone = zone;
        noteChange();
        m_session.refresh();
    }
    return s;
}

} // namespace Ui
