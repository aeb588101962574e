#pragma once

#include "services/PageState.h"

#include <functional>

namespace Ui {

// What every part of the settings page does, the same way: it shows the page's state at one moment
// (PageState, read once for all of them, off the window's thread) in the core's sentences, and reads nothing
// itself. A part that shows more than the running period (a past period, a filtered trail) adds that to the
// page's request, and asks for a read when the user changes it. Parts that edit settings are Sections too.
class PagePart
{
public:
    virtual ~PagePart() = default;
    virtual void load(const PageState& state) = 0;
    // Adds what this part shows to what the page reads.
    virtual void ask(PageRequest&) const {}

    // Told when the part wants the page read again (the user asked for another period or filter).
    void onReadWanted(std::function<void()> read) { m_readWanted = std::move(read); }

protected:
    void readWanted() const
    {
        if (m_readWanted)
            m_readWanted();
    }

private:
    std::function<void()> m_readWanted;
};

} // namespace Ui
