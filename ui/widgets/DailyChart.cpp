#include "widgets/DailyChart.h"

#include "words/UsageSentences.h"

#include <QAccessible>
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
    QVector<Bar> bars;
    qint64 total = 0;
    int busiest = -1;
    const QLocale locale;
    for (int i = 0; i < m_days.size(); ++i) {
        const DayUsage& d = m_days[i];
        QString text =
            tr("%1: %2, %3")
                .arg(UsageSentences::dateText(d.day), UsageSentences::credits(d.credits), UsageSentences::runs(d.runs));
        if (d.byokRuns)
            text += tr(" (%1 on your own keys)").arg(locale.toString(d.byokRuns));
        bars.append({d.day, d.credits, d.credits == 0 && d.runs > 0, text});
        total += d.credits;
        if (busiest < 0 ? d.credits > 0 : d.credits > m_days[busiest].credits)
            busiest = i;
    }
    const QString summary = busiest < 0 ? tr("No credits were used in this period.")
                                        : tr("%1 in this period; the busiest day was %2.")
                                              .arg(UsageSentences::credits(total), bars[busiest].description);
    setBars(
        std::move(bars), tr("credits per day"), [](qint64 n) { return QLocale().toString(n); }, summary);
}

void DailyChart::setBars(QVector<Bar> bars, const QString& unit, std::function<QString(qint64)> amount,
                         const QString& summary)
{
    m_bars = std::move(bars);
    m_unit = unit;
    m_amount = std::move(amount);
    m_highest = 0;
    for (const Bar& b : qAsConst(m_bars))
        m_highest = qMax(m_highest, b.value);
    m_selected = -1;
    setAccessibleDescription(summary);
    update();
}

QRect DailyChart::plotArea() const
{
    const QFontMetrics fm = fontMetrics();
    // The axis labels sit on the side the reading starts from, and the days run the way the text does.
    const int labels = fm.horizontalAdvance(m_amount ? m_amount(qMax<qint64>(m_highest, 10)) : QString()) + 8;
    const int top = fm.height() + fm.height() / 2 + 2; // room for the unit above the bars
    if (isRightToLeft())
        return rect().adjusted(4, top, -labels, -(fm.height() + 6));
    return rect().adjusted(labels, top, -4, -(fm.height() + 6));
}

QRect DailyChart::slotRect(int index) const
{
    const QRect plot = plotArea();
    const double slot = double(plot.width()) / qMax<qsizetype>(1, m_bars.size());
    const int x =
        isRightToLeft() ? plot.left() + int((m_bars.size() - 1 - index) * slot) : plot.left() + int(index * slot);
    return QRect(x, plot.top(), qMax(1, int(slot)), plot.height());
}

int DailyChart::dayAt(const QPoint& pos) const
{
    const QRect plot = plotArea();
    if (m_bars.isEmpty() || !plot.contains(pos.x(), plot.center().y()))
        return -1;
    const int fromStart = isRightToLeft() ? plot.right() - pos.x() : pos.x() - plot.left();
    return qBound(0, int(fromStart * m_bars.size() / qMax(1, plot.width())), int(m_bars.size()) - 1);
}

QString DailyChart::describeDay(int index) const
{
    return m_bars.at(index).description;
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
    const int h = fontMetrics().height();
    const QRect labels = isRightToLeft() ? QRect(plot.right() + 6, 0, width() - plot.right() - 6, height())
                                         : QRect(0, 0, plot.left() - 6, height());
    const Qt::Alignment toPlot = (isRightToLeft() ? Qt::AlignLeft : Qt::AlignRight) | Qt::AlignVCenter;
    p.drawText(QRect(labels.left(), plot.top() - h / 2, labels.width(), h), toPlot,
               m_amount ? m_amount(top) : QString());
    p.drawText(QRect(labels.left(), plot.bottom() - h / 2, labels.width(), h), toPlot,
               m_amount ? m_amount(0) : QString());
    // The unit of the axis, above it.
    p.setPen(palette().color(QPalette::PlaceholderText));
    p.drawText(QRect(plot.left(), 0, plot.width(), h),
               (isRightToLeft() ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignTop, m_unit);
    p.setPen(palette().color(QPalette::WindowText));
    if (m_bars.isEmpty())
        return;
    for (int i = 0; i < m_bars.size(); ++i) {
        const Bar& d = m_bars[i];
        const QRect slotArea = slotRect(i);
        const int x = slotArea.left();
        const int slot = slotArea.width();
        const int width = qMax(1, slot - 2);
        if (d.value > 0) {
            const int height = qMax(1, int(plot.height() * double(d.value) / double(top)));
            const QColor bar = palette().color(i == m_selected ? QPalette::Link : QPalette::Highlight);
            p.fillRect(QRect(x + 1, plot.bottom() - height + 1, width, height), bar);
        } else if (d.tick) {
            // Runs that cost nothing (own keys) still show, as a tick on the axis.
            p.fillRect(QRect(x + 1, plot.bottom() - 2, width, 3), palette().color(QPalette::Mid));
        }
        if (i == 0 || (d.day.day() % 5 == 0 && i + 2 < m_bars.size()) || i + 1 == m_bars.size())
            p.drawText(QRect(x - 10, plot.bottom() + 3, slot + 20, h + 2), Qt::AlignHCenter,
                       locale.toString(d.day.day()));
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
    if (m_selected < 0 && !m_bars.isEmpty())
        selectDay(0);
}

void DailyChart::keyPressEvent(QKeyEvent* event)
{
    const int last = int(m_bars.size()) - 1;
    // Left and Right move the way the bars run (mirrored right to left); Home and End go to the first and last day.
    const int forward = isRightToLeft() ? Qt::Key_Left : Qt::Key_Right;
    const int back = isRightToLeft() ? Qt::Key_Right : Qt::Key_Left;
    if (m_bars.isEmpty() || (event->key() != forward && event->key() != back && event->key() != Qt::Key_Home &&
                             event->key() != Qt::Key_End)) {
        QWidget::keyPressEvent(event);
        return;
    }
    if (event->key() == Qt::Key_Home)
        selectDay(0);
    else if (event->key() == Qt::Key_End)
        selectDay(last);
    else
        selectDay(qBound(0, m_selected + (event->key() == back ? -1 : 1), last));
}

void DailyChart::selectDay(int index)
{
    m_selected = index;
    const QString text = describeDay(index);
    setToolTip(text);
    setAccessibleDescription(text);
    QToolTip::showText(mapToGlobal(slotRect(index).topLeft()), text, this);
    update();
    // A screen reader follows the day as it follows a focused list item.
    if (QAccessible::isActive()) {
        QAccessibleEvent focus(this, QAccessible::Focus);
        focus.setChild(index);
        QAccessible::updateAccessibility(&focus);
    }
}

} // namespace Ui
