#pragma once

#include "sections/PagePart.h"

#include <QGroupBox>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableWidget;

namespace Ui {

class Session;

// The members: who may use this database and with which role. Add one or change a role, or remove one after
// asking; the last Owner cannot be demoted or removed (the ledger refuses, and the refusal is shown). On a
// shared ledger a member is a database role. Owner or Admin.
class MembersPanel : public QGroupBox, public PagePart
{
    Q_OBJECT

public:
    explicit MembersPanel(Session& session, QWidget* parent = nullptr);

    void load(const PageState& state) override;

private:
    QString selectedUser() const;
    void showSelection();
    void setRole();
    void remove();

    Session& m_session;
    QTableWidget* m_table;
    QLineEdit* m_userEdit;
    QComboBox* m_roleCombo;
    QPushButton* m_setButton;
    QPushButton* m_removeButton;
    QLabel* m_outcomeLabel;
};

} // namespace Ui
