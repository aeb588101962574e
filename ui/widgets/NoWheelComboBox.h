#pragma once

#include <QComboBox>
#include <QWheelEvent>

namespace Ui {

// A combo box that leaves the mouse wheel to the page unless it has focus, so scrolling the settings page
// never changes a model by accident.
class NoWheelComboBox : public QComboBox
{
    Q_OBJECT

public:
    explicit NoWheelComboBox(QWidget* parent = nullptr) : QComboBox(parent) { setFocusPolicy(Qt::StrongFocus); }

protected:
    void wheelEvent(QWheelEvent* event) override
    {
        if (hasFocus())
            QComboBox::wheelEvent(event);
        else
            event->ignore();
    }
};

} // namespace Ui
