#include "sections/MembersPanel.h"

#include "session/Session.h"
#include "widgets/Ask.h"
#include "widgets/Outcome.h"
#include "widgets/Tables.h"
#include "words/AdminSentences.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace Ui {

MembersPanel::MembersPanel(Session& session, QWidget* parent)
    : QGroupBox(tr("Members"), parent), m_session(session),
      m_table(Tables::create({tr("Member"), tr("Role")}, 0, this)), m_userEdit(new QLineEdit(this)),
      m_roleCombo(new QComboBox(this)), m_setButton(new QPushButton(tr("Add or Change &Role"), this)),
      m_removeButton(new QPushButton(tr("Remove Mem&ber…"), this)),
      m_outcomeLabel(Outcome::label(QStringLiteral("membersOutcomeLabel"), this))
{
    setObjectName(QStringLiteral("membersPanel"));
    m_table->setObjectName(QStringLiteral("membersTable"));
    m_table->setAccessibleName(tr("Members"));
    m_userEdit->setObjectName(QStringLiteral("memberUserEdit"));
    m_userEdit->setAccessibleName(tr("Member's user name"));
    m_userEdit->setPlaceholderText(m_session.isShared() ? tr("database role") : tr("user name"));
    m_roleCombo->setObjectName(QStringLiteral("memberRoleCombo"));
    m_roleCombo->setAccessibleName(tr("Role"));
    for (Role r : {Role::Viewer, Role::Recorder, Role::Admin, Role::Owner})
        m_roleCombo->addItem(roleLabel(r), roleId(r));
    m_setButton->setObjectName(QStringLiteral("setMemberButton"));
    m_removeButton->setObjectName(QStringLiteral("removeMemberButton"));

    auto* row = new QHBoxLayout;
    row->addWidget(m_userEdit, 1);
    row->addWidget(m_roleCombo);
    row->addWidget(m_setButton);
    row->addWidget(m_removeButton);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_table);
    layout->addLayout(row);
    layout->addWidget(m_outcomeLabel);

    connect(m_table, &QTableWidget::itemSelectionChanged, this, &MembersPanel::showSelection);
    connect(m_setButton, &QPushButton::clicked, this, &MembersPanel::setRole);
    connect(m_userEdit, &QLineEdit::returnPressed, this, &MembersPanel::setRole);
    connect(m_removeButton, &QPushButton::clicked, this, &MembersPanel::remove);
}

void MembersPanel::load(const PageState& state)
{
    QList<QStringList> rows;
    for (const Member& m : state.members)
        rows << QStringList{m.userName, roleLabel(m.role)};
    const QSignalBlocker quiet(m_table);
    Tables::fill(m_table, rows, {});
    const bool may = canAdminister(state.role);
    for (QWidget* w :
         {static_cast<QWidget*>(m_userEdit), static_cast<QWidget*>(m_roleCombo), static_cast<QWidget*>(m_setButton)})
        w->setEnabled(may);
    showSelection();
}

QString MembersPanel::selectedUser() const
{
    return Tables::selectedText(m_table, 0);
}

// Choosing a member fills the form with them, to change their role.
void MembersPanel::showSelection()
{
    const QString user = selectedUser();
    m_removeButton->setEnabled(m_session.canAdminister() && !user.isEmpty());
    if (user.isEmpty())
        return;
    m_userEdit->setText(user);
    m_roleCombo->setCurrentText(Tables::selectedText(m_table, 1));
}

void MembersPanel::setRole()
{
    const QString user = m_userEdit->text().trimmed();
    const auto role = roleFromId(m_roleCombo->currentData().toString());
    if (Outcome::show(m_outcomeLabel, m_session.ledger().directory().setMember(user, *role),
                      AdminSentences::memberSet(user, *role)))
        m_session.refresh();
}

void MembersPanel::remove()
{
    const QString user = selectedUser();
    if (user.isEmpty())
        return;
    // A refusal known before asking is said instead of the question.
    if (const Status may = m_session.ledger().directory().mayRemoveMember(user); !may)
        return (void)Outcome::show(m_outcomeLabel, may, {});
    if (Ask::question(
            this, tr("Remove Member"),
            tr("Remove %1? They can no longer open this database; what they changed stays in the activity log.")
                .arg(user),
            QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel) != QMessageBox::Yes)
        return;
    if (Outcome::show(m_outcomeLabel, m_session.ledger().directory().removeMember(user),
                      AdminSentences::memberRemoved(user)))
        m_session.refresh();
}

} // namespace Ui
