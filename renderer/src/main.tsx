/** Renderer entry: connects to the host's API and mounts the app. */
import './zod-jitless.js';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './i18n/i18n.js';
import './styles/app.css';
import { connectToHost } from './api/api-client.js';
import { App } from './App.js';
import { QueryClientProvider } from '@tanstack/react-query';
import { createQueryClient } from './data/query-client.js';

const bridge = connectToHost();
const queryClient = createQueryClient();
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <App bridge={bridge} />
    </QueryClientProvider>
  </StrictMode>,
);
