#pragma once

#include "sections/PagePart.h"

#include <QGroupBox>

class QTableWidget;

namespace Ui {

class Session;

// The six actions with their base cost and what one run costs now: base × the multiplier of the model chosen
// for its slot, or nothing when an active key of the selected install or tenant covers it.
class CreditCostsPanel : public QGroupBox, public PagePart
{
    Q_OBJECT

public:
    explicit CreditCostsPanel(Session& session, QWidget* parent = nullptr);

    void load(const PageState& state) override;

private:
    Session& m_session;
    QTableWidget* m_table;
};

} // namespace Ui
