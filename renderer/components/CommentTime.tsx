/**
 * When a comment was written (commentTimeFormat.ts): short and relative in the panel, the full
 * date and time in the tooltip and the `datetime` attribute.
 */
import { formatCommentTime, formatFullTime } from './commentTimeFormat.ts';

export function CommentTime({
  time,
  now,
  prefix = '',
}: {
  time: number;
  now: number;
  /** Words before the time ("bewerkt "), part of the same element. */
  prefix?: string;
}) {
  return (
    <time
      className="comment-time"
      dateTime={new Date(time).toISOString()}
      title={formatFullTime(time)}
    >
      {prefix}
      {formatCommentTime(time, now)}
    </time>
  );
}
