#include "sections/ActivityPanel.h"

#include "services/AuditExport.h"
#include "session/AuditModel.h"
#include "session/Session.h"
#include "support/Text.h"
#include "widgets/Ask.h"

#include <QComboBox>
#include <QDateEdit>
#include <QDir>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QStandardPaths>
#include <QTableView>
#include <QVBoxLayout>

namespace Ui {

namespace {

// The first date a date filter can take stands for "no bound" and shows as such.
const QDate noBound(1999, 12, 31);

// Tab leaves a date filter, as it leaves every other field; the arrows (← →) move between its year, month and
// day. QDateTimeEdit keeps Tab for its own parts, and with "Any" shown it never gets past them: a keyboard trap.
class DateFilterEdit : public QDateEdit
{
protected:
    bool focusNextPrevChild(bool next) override { return QAbstractSpinBox::focusNextPrevChild(next); }
};

QDateEdit* dateFilter(const QString& objectName, const QString& accessibleName)
{
    auto* edit = new DateFilterEdit;
    edit->setObjectName(objectName);
    edit->setAccessibleName(accessibleName);
    edit->setCalendarPopup(true);
    edit->setMinimumDate(noBound);
    edit->setSpecialValueText(QObject::tr("Any"));
    edit->setDate(noBound);
    edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    return edit;
}

} // namespace

ActivityPanel::ActivityPanel(Session& session, QWidget* parent)
    : QGroupBox(tr("Activity"), parent), m_session(session), m_model(new AuditModel(session, this)),
      m_kindCombo(new QComboBox), m_personCombo(new QComboBox),
      m_fromEdit(dateFilter(QStringLiteral("activityFromEdit"), tr("From date"))),
      m_toEdit(dateFilter(QStringLiteral("activityToEdit"), tr("To date"))),
      m_exportButton(new QPushButton(tr("E&xport CSV…"))), m_countLabel(new QLabel), m_table(new QTableView)
{
    setObjectName(QStringLiteral("activityPanel"));
    m_kindCombo->setObjectName(QStringLiteral("activityKindCombo"));
    m_kindCombo->addItem(tr("All changes"), QString());
    for (const QString& kind : AuditTrail::kinds())
        m_kindCombo->addItem(AuditModel::kindName(kind), kind);
    m_personCombo->setObjectName(QStringLiteral("activityPersonCombo"));
    m_exportButton->setObjectName(QStringLiteral("activityExportButton"));
    m_countLabel->setObjectName(QStringLiteral("activityCountLabel"));
    m_countLabel->setWordWrap(true);

    // Two rows, so that the section fits a narrow window.
    auto* filters = new QGridLayout;
    const auto labelled = [&](const QString& text, QWidget* field, int row, int column) {
        auto* label = new QLabel(text);
        label->setBuddy(field);
        filters->addWidget(label, row, column);
        filters->addWidget(field, row, column + 1);
    };
    labelled(tr("&Kind:"), m_kindCombo, 0, 0);
    labelled(tr("&Who:"), m_personCombo, 0, 2);
    labelled(tr("&From:"), m_fromEdit, 1, 0);
    labelled(tr("&To:"), m_toEdit, 1, 2);
    filters->setColumnStretch(4, 1);
    filters->addWidget(m_exportButton, 1, 5);

    m_table->setObjectName(QStringLiteral("activityTable"));
    m_table->setAccessibleName(tr("Activity log"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setTabKeyNavigation(false); // Tab leaves the log, arrows move inside it
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    // Fixed row heights and widths from the font, never from the contents: measuring the contents would read every
    // page of a long trail.
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    const QFontMetrics metrics(font());
    m_table->setColumnWidth(AuditModel::When,
                            metrics.horizontalAdvance(QStringLiteral("2026-11-26 08:13:38 Europe/London ")));
    m_table->setColumnWidth(AuditModel::Who, metrics.horizontalAdvance(QLatin1Char('m')) * 8);
    m_table->setColumnWidth(AuditModel::Kind, metrics.horizontalAdvance(QStringLiteral("Provider address  ")));
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setMinimumHeight(metrics.height() * 16);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(filters);
    layout->addWidget(m_countLabel);
    layout->addWidget(m_table, 1);

    for (QComboBox* combo : {m_kindCombo, m_personCombo})
        connect(combo, &QComboBox::activated, this, &ActivityPanel::applyFilter);
    for (QDateEdit* edit : {m_fromEdit, m_toEdit})
        connect(edit, &QDateEdit::dateChanged, this, &ActivityPanel::applyFilter);
    connect(m_exportButton, &QPushButton::clicked, this, &ActivityPanel::exportCsv);
    connect(m_model, &AuditModel::problemChanged, this, &ActivityPanel::showCount);
}

// The trail's first lines and its count come with the page's state; later pages are read as they scroll
// into view (AuditModel).
void ActivityPanel::load(const PageState& state)
{
    showPeople(state.actors);
    m_model->show(state);
    showCount();
}

void ActivityPanel::showPeople(const QStringList& people)
{
    const QString selected = m_personCombo->currentData().toString();
    const QSignalBlocker quiet(m_personCombo);
    m_personCombo->clear();
    m_personCombo->addItem(tr("Everyone"), QString());
    for (const QString& name : people)
        m_personCombo->addItem(name, name);
    m_personCombo->setCurrentIndex(qMax(0, m_personCombo->findData(selected)));
}

void ActivityPanel::ask(PageRequest& request) const
{
    request.audit.kind = m_kindCombo->currentData().toString();
    request.audit.actor = m_personCombo->currentData().toString();
    // Whole days in the install's zone, the "to" day included (PageState::read).
    if (m_fromEdit->date() != noBound)
        request.auditFrom = m_fromEdit->date();
    if (m_toEdit->date() != noBound)
        request.auditTo = m_toEdit->date();
}

void ActivityPanel::applyFilter()
{
    readWanted();
}

void ActivityPanel::showCount()
{
    if (!m_model->problem().isEmpty()) {
        m_countLabel->setText(QStringLiteral("⚠ ") + m_model->problem());
        return;
    }
    const int n = m_model->rowCount();
    m_countLabel->setText(n == 0 ? tr("No changes match.") : tr("%Ln change(s), newest first.", nullptr, n));
    m_exportButton->setEnabled(n > 0);
}

Result<QString> ActivityPanel::exportTo(const QString& path)
{
    const auto written = AuditExport::toFile(m_session.ledger(), m_model->filter(), path);
    if (!written)
        return written.failure();
    const QString where = Text::isolated(QDir::toNativeSeparators(path));
    return tr("Exported %Ln change(s) to %1.", nullptr, int(written.value())).arg(where);
}

void ActivityPanel::exportCsv()
{
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString path =
        Ask::saveFile(this, tr("Export Activity"), folder + QStringLiteral("/activity.csv"), tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    const auto said = exportTo(path);
    if (said)
        Ask::inform(this, tr("Export Activity"), said.value());
    else
        Ask::warn(this, tr("Export Activity"), said.failure().message);
}

} // namespace Ui
