// The CommonMark reference parser (Debian's libcmark-dev): blocks with their
// source lines, which is all guidecheck's Markdown reader needs.
#ifndef GUIDECHECK_CMARK_SHIM_H
#define GUIDECHECK_CMARK_SHIM_H
#include <cmark.h>
#endif
