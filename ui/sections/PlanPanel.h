#pragma once

#include <QGroupBox>

class QLabel;
class QPushButton;
class QTableWidget;
struct Plan;

namespace Ui {

class NoWheelComboBox;
class Session;

// The plan: which one is in force, what changing it does (an upgrade at once, a downgrade at the next period),
// and the product pages' typical month beside the actual mix of the last three periods. Only an Owner changes it.
class PlanPanel : public QGroupBox
{
    Q_OBJECT

public:
    explicit PlanPanel(Session& session, QWidget* parent = nullptr);

    void reload();

private:
    void explainChoice();
    void applyChoice();
    void showMix(const Plan& plan);

    Session& m_session;
    NoWheelComboBox* m_planCombo;
    QPushButton* m_changeButton;
    QLabel* m_effectLabel;
    QLabel* m_typicalLabel;
    QTableWidget* m_mixTable;
    QLabel* m_outcomeLabel;
};

} // namespace Ui
