#include "sections/PeriodPanel.h"

#include "session/Session.h"
#include "widgets/Ask.h"
#include "widgets/Outcome.h"
#include "words/AdminSentences.h"
#include "words/UsageSentences.h"

#include <QComboBox>
#include <QCompleter>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTimeZone>

namespace Ui {

PeriodPanel::PeriodPanel(Session& session, QWidget* parent)
    : QGroupBox(tr("Billing period"), parent), m_session(session), m_anchorSpin(new QSpinBox(this)),
      m_zoneCombo(new QComboBox(this)), m_applyButton(new QPushButton(tr("&Apply Period"), this)),
      m_pendingLabel(new QLabel(this)), m_outcomeLabel(Outcome::label(QStringLiteral("periodOutcomeLabel"), this))
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
    m_applyButton->setObjectName(QStringLiteral("applyPeriodButton"));
    m_pendingLabel->setObjectName(QStringLiteral("pendingPeriodLabel"));
    m_pendingLabel->setWordWrap(true);
    m_pendingLabel->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);

    auto* form = new QFormLayout(this);
    form->setFieldGrowthPolicy(QFormLayout::FieldsStayAtSizeHint);
    form->addRow(tr("Credits reset on &day:"), m_anchorSpin);
    form->addRow(tr("In time &zone:"), m_zoneCombo);
    form->addRow(QString(), m_applyButton);
    form->addRow(m_pendingLabel);
    form->addRow(m_outcomeLabel);

    connect(m_anchorSpin, &QSpinBox::valueChanged, this, &PeriodPanel::noteChange);
    connect(m_zoneCombo, &QComboBox::currentTextChanged, this, &PeriodPanel::noteChange);
    connect(m_zoneCombo->lineEdit(), &QLineEdit::returnPressed, this, &PeriodPanel::applyShown);
    connect(m_applyButton, &QPushButton::clicked, this, &PeriodPanel::applyShown);
}

void PeriodPanel::reload()
{
    const auto settings = m_session.ledger().settings().current();
    if (!settings)
        return (void)Outcome::show(m_outcomeLabel, Status(settings.failure()), {});
    const bool editing = isDirty();
    m_appliedDay = settings->anchorDay;
    m_appliedZone = settings->timeZone;
    const auto report = m_session.ledger().usage().report(std::nullopt, std::nullopt);
    const QString pending = report ? UsageSentences::pendingCalendar(report.value()) : QString();
    m_pendingLabel->setText(pending);
    m_pendingLabel->setVisible(!pending.isEmpty());
    if (!editing)
        discard();
    const bool may = m_session.canAdminister();
    m_anchorSpin->setEnabled(may);
    m_zoneCombo->setEnabled(may);
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

// Apply is there only while what is shown differs from what is stored.
void PeriodPanel::noteChange()
{
    if (shownPeriod() != m_outcomeFor)
        m_outcomeLabel->hide();
    m_applyButton->setEnabled(m_session.canAdminister() && isDirty());
    dirtyMayHaveChanged();
}

// The periods before and after the change, and a question, before it is made.
void PeriodPanel::applyShown()
{
    if (!m_applyButton->isEnabled())
        return;
    const auto preview =
        m_session.ledger().previewBillingCalendar(m_anchorSpin->value(), m_zoneCombo->currentText().trimmed());
    if (!preview) {
        m_outcomeFor = shownPeriod();
        Outcome::show(m_outcomeLabel, Status(preview.failure()), {});
        return;
    }
    if (preview->changed &&
        Ask::question(this, tr("Change Billing Period"),
                      AdminSentences::calendarChoice(preview.value(), m_session.ledger().now(), false) +
                          QStringLiteral("\n\n") + tr("Change the billing period?"),
                      QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel) != QMessageBox::Yes)
        return;
    apply();
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
