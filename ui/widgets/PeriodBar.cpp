#include "widgets/PeriodBar.h"

#include <QPainter>
#include <QPen>

namespace Ui {

void PeriodBar::setMarks(const QVector<int>& percents)
{
    m_marks = percents;
    update();
}

void PeriodBar::setProjection(std::optional<double> share)
{
    m_projection = share;
    update();
}

void PeriodBar::paintEvent(QPaintEvent* event)
{
    QProgressBar::paintEvent(event);
    QPainter painter(this);
    const QRect r = rect().adjusted(1, 1, -1, -1);
    // Left to right or right to left, as the bar fills.
    const auto xAt = [&](double share) {
        const int offset = int(qBound(0.0, share, 1.0) * r.width());
        return layoutDirection() == Qt::RightToLeft ? r.right() - offset : r.left() + offset;
    };
    painter.setPen(QPen(palette().color(QPalette::Mid), 1));
    for (int percent : qAsConst(m_marks))
        if (percent > 0 && percent < 100)
            painter.drawLine(xAt(percent / 100.0), r.top(), xAt(percent / 100.0), r.bottom());
    if (!m_projection)
        return;
    painter.setPen(QPen(palette().color(QPalette::WindowText), 1, Qt::DashLine));
    const int x = xAt(*m_projection);
    painter.drawLine(x, r.top(), x, r.bottom());
    if (*m_projection > 1.0) {
        // Past the allocation: an arrow at the edge says "and beyond".
        const int tip = layoutDirection() == Qt::RightToLeft ? r.left() : r.right();
        const int back = layoutDirection() == Qt::RightToLeft ? tip + r.height() / 2 : tip - r.height() / 2;
        painter.setPen(QPen(palette().color(QPalette::WindowText), 1));
        painter.drawLine(back, r.top(), tip, r.center().y());
        painter.drawLine(back, r.bottom(), tip, r.center().y());
    }
}

} // namespace Ui
