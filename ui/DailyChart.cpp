#include "DailyChart.h"

#include <QKeyEvent>
#include <QLocale>
#include <QPainter>
#include <QToolTip>

namespace Ui {

DailyChart::DailyChart(QWidget* parent) : QWidget(parent)
{
    setMouseTracking(true);
    setFocusPolicy(Qt::StrongFocus);
    setAccessibleName(tr("Credits used per day"));
}

void DailyChart::setDays(QVector<DayUsage> days)
{
    m_days = std::move(days);
    m_highest = 0;
    qint64 total = 0;
    int busiest = -1;
    for (int i = 0; i < m_days.size(); ++i) {
        total += m_days[i].credits;
        if (m_days[i].credits > m_highest) {
            m_highest = m_days[i].credits;
            busiest = i;
        }
    }
    m_selected = -1;
    setAccessibleDescription(busiest < 0 ? tr("No credits were used in this period.")
                                         : tr("%1 credits in this period; the busiest day was %2.")
                                               .arg(QLocale().toString(total), describeDay(busiest)));
    update();
}

QRect DailyChart::plotArea() const
{
    const QFontMetrics fm = fontMetrics();
    const int left = fm.horizontalAdvance(QLocale().toString(qMax<qint64>(m_highest, 10))) + 8;
    return rect().adjusted(left, fm.height() / 2 + 2, -4, -(fm.height() + 6));
}

int DailyChart::dayAt(const QPoint& pos) const
{
    const QRect plot = plotArea();
    if (m_days.isEmpty() || !plot.contains(pos.x(), plot.center().y()))
        return -1;
    return qBound(0, int((pos.x() - plot.left()) * m_days.size() / qMax(1, plot.width())), int(m_days.size()) - 1);
}

QString DailyChart::describeDay(int index) const
{
    const DayUsage& d = m_days.at(index);
    const QLocale locale;
    QString text = tr("%1: %2 credits, %3 runs").arg(locale.toString(d.day, QLocale::ShortFormat),
                                                      locale.toString(d.credits), locale.toString(d.runs));
    if (d.byokRuns)
        text += tr(" (%1 on your own keys)").arg(locale.toString(d.byokRuns));
    return text;
}

void DailyChart::paintEvent(QPaintEvent*)
{
    QPainter p(this);
    const QRect plot = plotArea();
    const QLocale locale;
    p.setPen(palette().color(QPalette::Mid));
    p.drawLine(plot.bottomLeft(), plot.bottomRight());
    p.setPen(palette().color(QPalette::WindowText));
    const qint64 top = qMax<qint64>(m_highest, 1);
    p.drawText(QRect(0, plot.top() - fontMetrics().height() / 2, plot.left() - 6, fontMetrics().height()),
               Qt::AlignRight | Qt::AlignVCenter, locale.toString(top));
    p.drawText(QRect(0, plot.bottom() - fontMetrics().height() / 2, plot.left() - 6, fontMetrics().height()),
               Qt::AlignRight | Qt::AlignVCenter, QStringLiteral("0"));
    if (m_days.isEmpty())
        return;
    const double slot = double(plot.width()) / m_days.size();
    for (int i = 0; i < m_days.size(); ++i) {
        const DayUsage& d = m_days[i];
        const int x = plot.left() + int(i * slot);
        const int width = qMax(1, int(slot) - 2);
        if (d.credits > 0) {
            const int height = qMax(1, int(plot.height() * d.credits / top));
            const QColor bar = palette().color(i == m_selected ? QPalette::Link : QPalette::Highlight);
            p.fillRect(QRect(x + 1, plot.bottom() - height + 1, width, height), bar);
        } else if (d.runs > 0) {
            // Runs that cost nothing (own keys) still show, as a tick on the axis.
            p.fillRect(QRect(x + 1, plot.bottom() - 2, width, 3), palette().color(QPalette::Mid));
        }
        if (i == 0 || (d.day.day() % 5 == 0 && i + 2 < m_days.size()) || i + 1 == m_days.size())
            p.drawText(QRect(x - 10, plot.bottom() + 3, int(slot) + 20, fontMetrics().height() + 2), Qt::AlignHCenter,
                       QString::number(d.day.day()));
    }
}

void DailyChart::mouseMoveEvent(QMouseEvent* event)
{
    const int day = dayAt(event->pos());
    if (day < 0)
        QToolTip::hideText();
    else
        QToolTip::showText(event->globalPosition().toPoint(), describeDay(day), this);
}

void DailyChart::focusInEvent(QFocusEvent* event)
{
    QWidget::focusInEvent(event);
    if (m_selected < 0 && !m_days.isEmpty())
        selectDay(0);
}

void DailyChart::keyPressEvent(QKeyEvent* event)
{
    if (m_days.isEmpty() || (event->key() != Qt::Key_Left && event->key() != Qt::Key_Right)) {
        QWidget::keyPressEvent(event);
        return;
    }
    selectDay(qBound(0, m_selected + (event->key() == Qt::Key_Left ? -1 : 1), int(m_days.size()) - 1));
}

void DailyChart::selectDay(int index)
{
    m_selected = index;
    const QString text = describeDay(index);
    setToolTip(text);
    setAccessibleDescription(text);
    QToolTip::showText(mapToGlobal(QPoint(plotArea().left(), plotArea().top())), text, this);
    update();
}

} // namespace Ui
