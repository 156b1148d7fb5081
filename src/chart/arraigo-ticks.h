/* arraigo-ticks.h: nice axis ticks and number labels
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  double min;     /* first tick, at or below the data */
  double max;     /* last tick, at or above the data */
  double step;    /* 1, 2 or 5 times a power of ten */
  guint  n;       /* number of ticks, min and max included */
  int    digits;  /* decimals a label needs at this step */
} ArraigoTicks;

double  arraigo_nice_number   (double        x,
                               gboolean      round);
void    arraigo_ticks_compute (double        lo,
                               double        hi,
                               guint         wanted,
                               ArraigoTicks *ticks);
const char *arraigo_format_decimal_mark (void);
char   *arraigo_format_decimal (double       value,
                                int          digits) G_GNUC_WARN_UNUSED_RESULT;
char   *arraigo_format_number (double        value,
                               double        step,
                               double        magnitude) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
