#pragma once

#include <QProgressBar>
#include <QVector>

#include <optional>

namespace Ui {

// The period at a glance: the credits used as a bar, thin marks where the warnings start (80 %, 90 %) and a
// dashed line where the pool will stand at the reset at the forecast's pace (at the right edge, with an arrow,
// when that is past the allocation). Its accessible description is set by its owner, in words.
class PeriodBar : public QProgressBar
{
    Q_OBJECT
    Q_PROPERTY(QVector<int> marks READ marks)
    Q_PROPERTY(double projection READ projectionOrMinusOne)

public:
    using QProgressBar::QProgressBar;

    const QVector<int>& marks() const { return m_marks; } // per cent of the allocation
    void setMarks(const QVector<int>& percents);
    // The share of the allocation used by the reset (1.0: all of it); nullopt: none is shown.
    void setProjection(std::optional<double> share);
    double projectionOrMinusOne() const { return m_projection.value_or(-1); }

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    QVector<int> m_marks;
    std::optional<double> m_projection;
};

} // namespace Ui
