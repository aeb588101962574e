#pragma once

#include "sections/PagePart.h"

#include <QGroupBox>

class QLabel;

namespace Ui {

class Session;

// Queries left in the rolling hour for the selected install or tenant, on credits and on own keys, and when the
// next slot frees up.
class RateLimitPanel : public QGroupBox, public PagePart
{
    Q_OBJECT

public:
    explicit RateLimitPanel(Session& session, QWidget* parent = nullptr);

    void load(const PageState& state) override;

private:
    Session& m_session;
    QLabel* m_creditsLabel;
    QLabel* m_byokLabel;
    QLabel* m_scopeLabel;
};

} // namespace Ui
