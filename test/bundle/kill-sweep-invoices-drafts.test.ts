import { describeIssuingSweep } from './kill-sweep-invoices';

describeIssuingSweep(false);
