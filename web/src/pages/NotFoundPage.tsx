import { EmptyState } from '../components/Feedback.js';

export function NotFoundPage() {
  return (
    <EmptyState title="页面不存在">
      <a href="#/overview">返回总览</a>
    </EmptyState>
  );
}
