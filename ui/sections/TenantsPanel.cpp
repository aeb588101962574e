#include "sections/TenantsPanel.h"

#include "services/KeyService.h"
#include "session/Session.h"
#include "widgets/Ask.h"
#include "widgets/Outcome.h"
#include "widgets/Tables.h"
#include "words/AdminSentences.h"
#include "words/UsageSentences.h"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPointer>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace Ui {

TenantsPanel::TenantsPanel(Session& session, QWidget* parent)
    : QGroupBox(tr("Tenants"), parent), m_session(session),
      m_table(Tables::create({tr("Tenant"), tr("Name")}, 1, this)), m_idEdit(new QLineEdit(this)),
      m_nameEdit(new QLineEdit(this)), m_addButton(new QPushButton(tr("A&dd Tenant"), this)),
      m_renameEdit(new QLineEdit(this)), m_renameButton(new QPushButton(tr("Re&name"), this)),
      m_removeButton(new QPushButton(tr("Re&move Tenant…"), this)),
      m_outcomeLabel(Outcome::label(QStringLiteral("tenantsOutcomeLabel"), this)), m_emptyLabel(new QLabel(this))
{
    m_emptyLabel->setObjectName(QStringLiteral("noTenantsLabel"));
    m_emptyLabel->setWordWrap(true);
    m_emptyLabel->setTextFormat(Qt::PlainText);
    setObjectName(QStringLiteral("tenantsPanel"));
    m_table->setObjectName(QStringLiteral("tenantsTable"));
    m_table->setAccessibleName(tr("Tenants"));
    m_idEdit->setObjectName(QStringLiteral("newTenantIdEdit"));
    m_idEdit->setPlaceholderText(tr("acme"));
    m_nameEdit->setObjectName(QStringLiteral("newTenantNameEdit"));
    m_nameEdit->setPlaceholderText(tr("Acme Ltd (optional)"));
    m_addButton->setObjectName(QStringLiteral("addTenantButton"));
    m_renameEdit->setObjectName(QStringLiteral("renameTenantEdit"));
    m_renameButton->setObjectName(QStringLiteral("renameTenantButton"));
    m_removeButton->setObjectName(QStringLiteral("removeTenantButton"));

    auto* addRow = new QHBoxLayout;
    addRow->addWidget(m_idEdit);
    addRow->addWidget(m_nameEdit, 1);
    addRow->addWidget(m_addButton);
    auto* selectedRow = new QHBoxLayout;
    selectedRow->addWidget(m_renameEdit, 1);
    selectedRow->addWidget(m_renameButton);
    selectedRow->addWidget(m_removeButton);
    // Labels of a row of fields name the first field, which they focus.
    auto* form = new QFormLayout;
    auto* newLabel = new QLabel(tr("New &tenant:"), this);
    newLabel->setBuddy(m_idEdit);
    auto* selectedLabel = new QLabel(tr("&Selected:"), this);
    selectedLabel->setBuddy(m_renameEdit);
    form->addRow(newLabel, addRow);
    form->addRow(selectedLabel, selectedRow);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_emptyLabel);
    layout->addWidget(m_table);
    layout->addLayout(form);
    layout->addWidget(m_outcomeLabel);

    connect(m_table, &QTableWidget::itemSelectionChanged, this, &TenantsPanel::showSelection);
    connect(m_addButton, &QPushButton::clicked, this, &TenantsPanel::add);
    connect(m_idEdit, &QLineEdit::returnPressed, this, &TenantsPanel::add);
    connect(m_nameEdit, &QLineEdit::returnPressed, this, &TenantsPanel::add);
    connect(m_renameButton, &QPushButton::clicked, this, &TenantsPanel::rename);
    connect(m_renameEdit, &QLineEdit::returnPressed, this, &TenantsPanel::rename);
    connect(m_removeButton, &QPushButton::clicked, this, &TenantsPanel::remove);
}

void TenantsPanel::load(const PageState& state)
{
    const QString selected = selectedId();
    QList<QStringList> rows;
    for (const Tenant& t : state.tenants)
        rows << QStringList{t.id, t.name};
    const QSignalBlocker quiet(m_table);
    Tables::fill(m_table, rows, {});
    for (int r = 0; r < m_table->rowCount(); ++r)
        if (m_table->item(r, 0)->text() == selected)
            m_table->selectRow(r);
    const bool may = canAdminister(state.role);
    // No table of nothing: what a tenant is, and who adds one.
    const bool none = state.tenants.isEmpty();
    m_emptyLabel->setText(may ? tr("No tenants yet. A tenant is one of the install's customers, with its own usage "
                                   "and, on Professional and Enterprise, its own keys: add one below by its id.")
                              : tr("No tenants yet; an Owner or Admin adds them."));
    m_emptyLabel->setVisible(none);
    m_table->setVisible(!none);
    for (QWidget* w :
         {static_cast<QWidget*>(m_idEdit), static_cast<QWidget*>(m_nameEdit), static_cast<QWidget*>(m_addButton)})
        w->setEnabled(may);
    showSelection();
}

QString TenantsPanel::selectedId() const
{
    return Tables::selectedText(m_table, 0);
}

void TenantsPanel::showSelection()
{
    const QString id = selectedId();
    const bool may = m_session.canAdminister() && !id.isEmpty();
    for (QWidget* w : {static_cast<QWidget*>(m_renameEdit), static_cast<QWidget*>(m_renameButton),
                       static_cast<QWidget*>(m_removeButton)})
        w->setEnabled(may);
    m_renameEdit->setText(Tables::selectedText(m_table, 1));
}

void TenantsPanel::add()
{
    const QString id = m_idEdit->text().trimmed();
    if (Outcome::show(m_outcomeLabel, m_session.ledger().directory().addTenant(id, m_nameEdit->text()),
                      AdminSentences::tenantAdded(id))) {
        m_idEdit->clear();
        m_nameEdit->clear();
        m_session.refresh();
    }
}

void TenantsPanel::rename()
{
    const QString id = selectedId();
    if (id.isEmpty())
        return;
    if (Outcome::show(m_outcomeLabel, m_session.ledger().directory().renameTenant(id, m_renameEdit->text()),
                      AdminSentences::tenantRenamed(id)))
        m_session.refresh();
}

void TenantsPanel::remove()
{
    const QString id = selectedId();
    if (id.isEmpty())
        return;
    // Say what goes and what stays before anything goes.
    int keys = 0;
    for (const Provider& p : m_session.catalog().providers())
        if (const auto r = m_session.ledger().keys().keyRecord(id, p.id); r && r->state != KeyState::NotSet)
            ++keys;
    const auto events = m_session.ledger().usage().tenantEventCount(id);
    const QString keysPart = keys == 0 ? tr("It has no stored keys.")
                                       : tr("Its %Ln stored key(s) are deleted from the keychain.", nullptr, keys);
    const QString usagePart = tr("Its %1 stay in the ledger, so past periods still add up.")
                                  .arg(UsageSentences::events(events ? events.value() : 0));
    if (Ask::question(this, tr("Remove Tenant"), tr("Remove tenant %1? %2 %3").arg(id, keysPart, usagePart),
                      QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel) != QMessageBox::Yes)
        return;
    m_removeButton->setEnabled(false);
    // The keychain answers asynchronously; the window stays usable meanwhile.
    QPointer<TenantsPanel> self(this);
    m_session.keys().removeTenant(id, [self, id](Status s) {
        if (!self)
            return;
        if (Outcome::show(self->m_outcomeLabel, s, AdminSentences::tenantRemoved(id)))
            self->m_session.refresh();
        else
            self->showSelection();
    });
}

} // namespace Ui
