#pragma once

#include "services/PageState.h"

namespace Ui {

// What every part of the settings page does, the same way: it shows the page's state at one moment
// (PageState, read once for all of them) in the core's sentences, and reads nothing itself. Parts that edit
// settings are Sections too.
class PagePart
{
public:
    virtual ~PagePart() = default;
    virtual void load(const PageState& state) = 0;
};

} // namespace Ui
