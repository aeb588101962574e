#pragma once

#include <QGroupBox>

class QComboBox;
class QLabel;
class QPushButton;
class QSpinBox;

namespace Ui {

class Session;

// The billing period: the day of the month the credits reset and the IANA time zone they reset in, the zone
// picked from a list searched as one types ("berl" finds Europe/Berlin). Owner or Admin.
class PeriodPanel : public QGroupBox
{
    Q_OBJECT

public:
    explicit PeriodPanel(Session& session, QWidget* parent = nullptr);

    void reload();

private:
    void apply();
    void noteChange();

    Session& m_session;
    QSpinBox* m_anchorSpin;
    QComboBox* m_zoneCombo;
    QPushButton* m_applyButton;
    QLabel* m_outcomeLabel;
};

} // namespace Ui
